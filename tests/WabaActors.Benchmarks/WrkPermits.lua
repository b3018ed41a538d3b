-- wrk script: permit requests against a running host, numbers and customers from `http-setup`
-- (deploy/bench.sh http runs it all).
--
--   wrk -t2 -c128 -d15s --latency -s WrkPermits.lua http://127.0.0.1:PORT -- numbers.txt
--   wrk -t2 -c128 -d15s --latency -s WrkPermits.lua http://127.0.0.1:PORT -- live
--
-- numbers.txt, one line per number: `path windowBase windows countedBase counted`; customer k is
-- "4207" .. k in 8 digits. Every request has a new messageId (thread, run, counter). The mix, by
-- counter mod 4: 0, 1 a session permit to a customer whose window is open (1 grain call);
-- 2 a template to such a customer (allowed, not counted; 1 call); 3 a template to a customer the
-- account has already counted, with no window (allowed, not counted again; number -> quota, 2 calls).
-- All are grants, so every one is also recorded in the number's ledger (idempotency).
-- `live` instead sends GET /health/live (the ASP.NET ceiling of the machine).
-- WRK_BATCH=N: each request is POST …/permits/batch with N permits to one number (the numbers in
-- turn), the same mix by the same counter, each with a new messageId.
-- WRK_CHECK=1 in the environment parses every answer and counts "allowed":true (slower: use it
-- for the warm-up only; with WRK_BATCH every entry is counted). done() prints one RESULT line with
-- p50/p90/p99/p99.9 in ms (per call) and the batch size (1 without WRK_BATCH).

-- WABA_BENCH_TEMPLATE=1: the template permits name the template http-setup registered (registry check and pricing).
template_named = os.getenv("WABA_BENCH_TEMPLATE") == "1"
batch = tonumber(os.getenv("WRK_BATCH") or "") or 0

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local numbers = {}
local counter = 0
local prefix = ""
local live = nil

allowed, denied = 0, 0

-- WRK_API_KEY: sent as `Authorization: Bearer` (a host with API keys; its tenant must be the setup's, "bench").
function init(args)
  if os.getenv("WRK_API_KEY") then
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("WRK_API_KEY")
  end

  if args[1] == "live" then
    live = wrk.format("GET", "/health/live")
    return
  end

  for line in io.lines(args[1] or "numbers.txt") do
    local path, wb, wn, cb, cn = line:match("^(%S+) (%d+) (%d+) (%d+) (%d+)$")
    if path then
      numbers[#numbers + 1] = { path .. "/permits", tonumber(wb), tonumber(wn), tonumber(cb), tonumber(cn) }
    end
  end
  assert(#numbers > 0, "no numbers in " .. tostring(args[1]))
  prefix = string.format("w%d-%d-%d-", id, os.time(), math.random(0, 999999))
  counter = id * 7919
  wrk.headers["Content-Type"] = "application/json"
end

local function customer(k)
  return "4207" .. string.format("%08d", k)
end

-- One permit body of the mix for number n: the kind by the counter, the customer by k.
local function permit(n, k)
  local kind = counter % 4
  local who, type
  if kind == 3 and n[5] > 0 then
    who, type = customer(n[4] + k % n[5]), "template"
  else
    who, type = customer(n[2] + k % n[3]), (kind == 2) and "template" or "session"
  end

  local named = (type == "template" and template_named) and ',"template":{"name":"order_update","language":"en_US"},"category":"utility"' or ''
  return '{"customer":"' .. who .. '","type":"' .. type .. '","messageId":"' .. prefix .. counter .. '"' .. named .. '}'
end

local calls = 0
local entries = {}

function request()
  if live then
    return live
  end

  local count = #numbers
  if batch > 0 then
    calls = calls + 1
    local n = numbers[calls % count + 1]
    for j = 1, batch do
      counter = counter + 1
      entries[j] = permit(n, counter)
    end
    return wrk.format("POST", n[1] .. "/batch", nil, '{"permits":[' .. table.concat(entries, ",", 1, batch) .. ']}')
  end

  counter = counter + 1
  local n = numbers[counter % count + 1]
  return wrk.format("POST", n[1], nil, permit(n, math.floor(counter / count)))
end

if os.getenv("WRK_CHECK") == "1" then
  function response(status, headers, body)
    local granted = 0
    if status == 200 then
      for _ in string.gmatch(body, '"allowed":true') do
        granted = granted + 1
      end
    end

    local expected = batch > 0 and batch or 1
    allowed = allowed + granted
    if granted < expected then
      denied = denied + expected - granted
      if denied <= 3 * expected then
        io.stderr:write(string.format("not a grant: %d %s\n", status, string.sub(body, 1, 600)))
      end
    end
  end
end

dofile("tests/WabaActors.Benchmarks/WrkResult.lua")

function done(summary, latency, requests)
  wrk_result(summary, latency, threads, string.format(" batch %d", math.max(batch, 1)))
end
