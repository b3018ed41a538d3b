-- wrk script: the mixed load of `deploy/bench.sh http-pg` and of the soak's maximum (deploy/bench-pg-http.sh),
-- numbers and customers from `http-setup`; the same requests as LoadMix.cs (the soak's open-loop generator).
--
--   wrk -t2 -c64 -d15s --latency -s WrkMixed.lua http://127.0.0.1:PORT -- numbers.txt
--
-- numbers.txt, one line per number: `path windowBase windows countedBase counted`; customer k is
-- "4207" .. k in 8 digits. By counter mod 8: 0, 1 an inbound message (POST …/inbound, now) from a
-- customer whose window is open; 2, 3, 4 a session permit to such a customer; 5, 6 a template to a
-- recipient never seen before ("44" .. 5-digit run tag .. thread .. counter in 7 digits): the quota
-- counts it and writes its grant before answering (durable on PostgreSQL); 7 a template to a customer
-- the account has already counted (no window). A quarter inbound; of the permits, half session.
-- Every request has a new messageId. Accounts need a template limit above what a run sends
-- (`WabaActors.Benchmarks http-limits`, TIER_UNLIMITED).
-- WRK_CHECK=1 in the environment parses every answer: a permit must be "allowed":true, an inbound
-- "open":true (slower: use it for the warm-up only). done() prints one RESULT line, as WrkPermits.lua.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local numbers = {}
local counter = 0
local prefix = ""
local fresh = ""
local stamp, stamp_at = "", -1

allowed, denied = 0, 0

function init(args)
  for line in io.lines(args[1] or "numbers.txt") do
    local path, wb, wn, cb, cn = line:match("^(%S+) (%d+) (%d+) (%d+) (%d+)$")
    if path then
      numbers[#numbers + 1] = { path, tonumber(wb), tonumber(wn), tonumber(cb), tonumber(cn) }
    end
  end
  assert(#numbers > 0, "no numbers in " .. tostring(args[1]))
  local tag = os.time() % 100000
  prefix = string.format("m%d-%d-%d-", id, tag, math.random(0, 999999))
  fresh = string.format("44%05d%d", tag, id % 10)
  wrk.headers["Content-Type"] = "application/json"
end

local function customer(k)
  return "4207" .. string.format("%08d", k)
end

-- The inbound timestamp, rebuilt once a second.
local function now()
  local t = os.time()
  if t ~= stamp_at then
    stamp, stamp_at = os.date("!%Y-%m-%dT%H:%M:%SZ", t), t
  end
  return stamp
end

function request()
  counter = counter + 1
  local count = #numbers
  local n = numbers[counter % count + 1]
  local k = math.floor(counter / count)
  local kind = counter % 8
  local id = prefix .. counter
  local windowed = customer(n[2] + k % n[3])
  if kind <= 1 then
    return wrk.format("POST", n[1] .. "/inbound", nil,
      '{"customer":"' .. windowed .. '","messageId":"' .. id .. '","timestamp":"' .. now() .. '"}')
  end

  local who, type = windowed, "session"
  if kind == 5 or kind == 6 then
    who, type = fresh .. string.format("%07d", counter % 10000000), "template"
  elseif kind == 7 then
    who, type = (n[5] > 0) and customer(n[4] + k % n[5]) or windowed, "template"
  end
  return wrk.format("POST", n[1] .. "/permits", nil,
    '{"customer":"' .. who .. '","type":"' .. type .. '","messageId":"' .. id .. '"}')
end

if os.getenv("WRK_CHECK") == "1" then
  function response(status, headers, body)
    if status == 200 and (string.find(body, '"allowed":true', 1, true) or string.find(body, '"open":true', 1, true)) then
      allowed = allowed + 1
    else
      denied = denied + 1
      if denied <= 3 then
        io.stderr:write(string.format("not a grant: %d %s\n", status, body))
      end
    end
  end
end

dofile("tests/WabaActors.Benchmarks/WrkResult.lua")

function done(summary, latency, requests)
  wrk_result(summary, latency, threads, nil)
end
