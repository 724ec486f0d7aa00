-- wrk script: GET /api/registry/persons?idNumber= at a fixed rate, one keep-alive connection per thread
-- (wrk -t N -c N). Each connection sends RATE / N requests a second on a schedule of its own: request k of thread t
-- is due at START + (t + k * N) / RATE, so the threads' requests interleave evenly. A request whose time has come is
-- sent at once; its latency counts from the time it was due, not from when it went out, so when the server falls
-- behind, the wait of every request it delayed counts (no coordinated omission).
-- Environment: IDS (thread t reads the ID numbers in IDS-000t, one per line), TOKEN, RATE (requests/s, all threads
-- together), THREADS (wrk's -t, which a thread's own Lua state cannot see), START (epoch milliseconds of the first
-- request, the same for every thread), SECONDS (how long to send), OUT and LABEL: each thread writes
-- "due_ms,latency_ms,status,found" lines to OUT/LABEL-<thread>.csv, which `bench.py paced-summary` reads.

-- the folder of this script, where its helpers are
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local now_ms = dofile(here .. "clock.lua")

local rate = tonumber(os.getenv("RATE"))
local seconds = tonumber(os.getenv("SECONDS"))
local token = os.getenv("TOKEN")
local out = os.getenv("OUT")
local label = os.getenv("LABEL") or "lookup"

local threads = tonumber(os.getenv("THREADS"))
local counter = 0
function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
end

local ids, period_ms, first_due, last_due, sent, start, log
local headers = {}

function init(args)
    local id = wrk.thread:get("id")
    ids = {}
    for line in io.lines(string.format("%s-%04d", os.getenv("IDS"), id)) do
        ids[#ids + 1] = line
    end
    math.randomseed(20251129 + id)
    period_ms = 1000 * threads / rate
    first_due = tonumber(os.getenv("START")) + id * 1000 / rate
    last_due = first_due + seconds * 1000
    sent = 0
    headers["Authorization"] = "Bearer " .. token
    log = io.open(out .. "/" .. label .. "-" .. id .. ".csv", "w")
end

function delay()
    local wait = first_due + sent * period_ms - now_ms()
    return wait > 0 and wait or 0
end

function request()
    local due = first_due + sent * period_ms
    if due >= last_due then
        -- every answer this thread counts has come (one connection); its state is dropped, not closed, at the end
        log:flush()
        wrk.thread:stop()
    end
    -- a connection's first request goes out when it connects, which may be before its time; any other goes out
    -- when it is due, or late when the answer before it came late, and then its latency counts from its due time
    start = math.min(due, now_ms())
    sent = sent + 1
    return wrk.format("GET", "/api/registry/persons?idNumber=" .. ids[math.random(#ids)], headers)
end

function response(status, headers, body)
    if start >= last_due then
        return
    end
    local found = status == 200 and string.find(body, '"total":1', 1, true) and 1 or 0
    log:write(string.format("%.3f,%.3f,%d,%d\n", start, now_ms() - start, status, found))
end
