-- The peer a team would build instead of grains: the same decisions as NumberPermits + TemplateQuota (ADR 0001, ADR 0019, docs/api.md
-- "Messaging"), as one Redis script called with EVALSHA, so each call is atomic and, with
-- `appendfsync always`, written to the AOF and fsynced before Redis replies (RedisPeer.cs).
-- Instants are Unix milliseconds passed by the caller (the caller's clock decides, as the grain's does).
--
-- inbound  KEYS: window                  ARGV: 'inbound', timestampMs
--   opens or extends the window of (number, customer) to timestamp + 24 h, keeping the later expiry;
--   one key per window holding its expiry, expiring then (PXAT). Returns the expiry.
-- permit   KEYS: window, quota, grant     ARGV: 'permit', nowMs, customer, type, limit
--   idempotent per message id: a grant is stored (24 h) and replayed; a denial is decided afresh.
--   session: allowed while the window is open, else denied customer_service_window_closed.
--   template: allowed, not counted, while the window is open; else the quota's sorted set
--   (customer -> counted-at) loses members older than 24 h; a member is allowed again, not
--   counted; a full set denies with retryAt = oldest + 24 h; otherwise the customer is added.
--   Returns 'allowed window <expiry>' | 'allowed counted <used>/<limit>' | 'allowed recounted'
--   | 'denied <reason> [retryAt]' | 'reused' (same message id, other customer or type).
local DAY = 86400000

if ARGV[1] == 'inbound' then
  local expiry = tonumber(ARGV[2]) + DAY
  local current = tonumber(redis.call('GET', KEYS[1]) or '0')
  if expiry > current then
    redis.call('SET', KEYS[1], string.format('%d', expiry), 'PXAT', string.format('%d', expiry))
    return expiry
  end
  return current
end

local customer, kind = ARGV[3], ARGV[4]
local stored = redis.call('GET', KEYS[3])
if stored then
  local sep1 = string.find(stored, '|', 1, true)
  local sep2 = string.find(stored, '|', sep1 + 1, true)
  if string.sub(stored, 1, sep1 - 1) ~= customer or string.sub(stored, sep1 + 1, sep2 - 1) ~= kind then
    return 'reused'
  end
  return string.sub(stored, sep2 + 1)
end

local now = tonumber(ARGV[2])
local window = tonumber(redis.call('GET', KEYS[1]) or '0')
local answer
if window > now then
  answer = 'allowed window ' .. string.format('%d', window)
elseif kind == 'session' then
  return 'denied customer_service_window_closed'
else
  local limit = tonumber(ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%d', now - DAY))
  if redis.call('ZSCORE', KEYS[2], customer) then
    answer = 'allowed recounted'
  else
    local used = redis.call('ZCARD', KEYS[2])
    if used >= limit then
      local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
      return 'denied template_recipient_limit_reached ' .. string.format('%d', tonumber(oldest[2]) + DAY)
    end
    redis.call('ZADD', KEYS[2], string.format('%d', now), customer)
    redis.call('PEXPIREAT', KEYS[2], string.format('%d', now + DAY))
    answer = 'allowed counted ' .. (used + 1) .. '/' .. limit
  end
end

redis.call('SET', KEYS[3], customer .. '|' .. kind .. '|' .. answer, 'PX', DAY, 'NX')
return answer
