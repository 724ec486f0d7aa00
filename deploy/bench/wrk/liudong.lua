-- wrk script for the Liudong scenarios, one request type per run (SCENARIO), one connection per thread.
-- Residents are numbered: resident n of thread t is index BASE + t * STRIDE + n; the index fixes a valid GB 11643 ID
-- number (county 620821, birth date and sex from the index, ISO 7064 MOD 11-2 check character), so registrations,
-- departures, arrivals and lookups of the same run agree without sharing state. Each thread starts at FROM[t] and
-- stops at UPTO[t] (the residents an earlier phase handled), which keeps a departure from being sent twice. A
-- request refused with 429 (the gateway's rate limit) is sent again for the same resident.
-- Every response is also written as "epoch_ms,latency_ms,status" to OUT/<scenario>-<thread>.csv for the plots.
-- the folder of this script, where its helpers are
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local now_ms = dofile(here .. "clock.lua")

local scenario = os.getenv("SCENARIO")
local label = os.getenv("LABEL") or scenario
local token = os.getenv("TOKEN")
local base = tonumber(os.getenv("BASE") or "0")
local stride = tonumber(os.getenv("STRIDE") or "50000")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local out = os.getenv("OUT")
local from_list = os.getenv("FROM") or ""
local upto_list = os.getenv("UPTO") or ""
local today = os.time()

local threads = {}
local counter = 1

local function nth(list, i)
    local k = 0
    for v in string.gmatch(list, "[^,]+") do
        if k == i then return tonumber(v) end
        k = k + 1
    end
    return nil
end

function setup(thread)
    thread:set("id", counter - 1)
    counter = counter + 1
    table.insert(threads, thread)
end

local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"
local digits = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" }

local function resident(index)
    local day = index % 27000
    local seq = math.floor(index / 27000) % 1000
    local birth = os.date("!%Y-%m-%d", -631152000 + day * 86400)
    local body = "620821" .. birth:gsub("-", "") .. string.format("%03d", seq)
    local sum = 0
    for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
    local r = sum % 11 + 1
    local name = "压测" .. digits[math.floor(index / 10) % 10 + 1] .. digits[index % 10 + 1]
    return body .. checks:sub(r, r), birth, (seq % 2 == 1) and "M" or "F", name
end

-- position is global so that done() can read it with thread:get
local id, upto, log, buffered, sent
-- the resident of the request in flight, and whether the gateway refused it for the caller's rate (429): then the
-- same resident is sent again, so that a later phase never meets a resident this one skipped
local current, throttled

function init(args)
    id = wrk.thread:get("id")
    position = nth(from_list, id) or 0
    upto = nth(upto_list, id)
    log = io.open(out .. "/" .. label .. "-" .. id .. ".csv", "w")
    buffered = 0
end

function delay()
    return delay_ms
end

local function next_index()
    if throttled then
        throttled = false
        return current
    end
    if upto ~= nil and position >= upto then
        log:flush()
        wrk.thread:stop()
        position = upto - 1
    end
    current = base + id * stride + position
    position = position + 1
    return current
end

function request()
    -- wrk.format uses these headers instead of wrk.headers, so every request carries its own
    local path, body, method = nil, nil, "GET"
    local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
    if scenario == "register" then
        local index = next_index()
        local idn, birth, sex, name = resident(index)
        method, path = "POST", "/api/registry/households"
        body = string.format('{"county":"620821","householdNumber":"BENCH-%d","address":{"township":"620821101",'
            .. '"detail":"压测路%d号"},"members":[{"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s",'
            .. '"relation":"HEAD"}]}', index, index % 1000, idn, name, sex, birth)
        headers["Idempotency-Key"] = "bench-register-" .. index
    elseif scenario == "depart" then
        local index = next_index()
        local idn = resident(index)
        method, path = "POST", "/api/migration/departures"
        body = string.format('{"idNumber":"%s","originCounty":"620821","destinationCounty":"440305",'
            .. '"departedOn":"%s","reason":"WORK","destinationAddress":"广东省深圳市南山区粤海街道"}',
            idn, os.date("!%Y-%m-%d", today - 86400))
        headers["Idempotency-Key"] = "bench-depart-" .. index
    elseif scenario == "arrive" then
        local index = next_index()
        local idn, birth, sex, name = resident(index)
        method, path = "POST", "/api/migration/arrivals"
        body = string.format('{"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","originCounty":"620821",'
            .. '"destinationCounty":"440305","arrivedOn":"%s","address":"广东省深圳市南山区粤海街道科技园",'
            .. '"reason":"WORK"}', idn, name, sex, birth, os.date("!%Y-%m-%d", today))
        headers["Idempotency-Key"] = "bench-arrive-" .. index
    elseif scenario == "lookup" then
        local k = math.random(0, math.max((upto or 1) - 1, 0))
        local idn = resident(base + id * stride + k)
        path = "/api/registry/persons?idNumber=" .. idn
    elseif scenario == "inbox" then
        path = "/api/migration/inbox?county=440305&size=20"
    elseif scenario == "indicators" then
        path = "/api/assessment/counties/620821/indicators"
    else
        error("unknown SCENARIO " .. tostring(scenario))
    end
    sent = now_ms()
    return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
    local t = now_ms()
    throttled = status == 429
    log:write(string.format("%d,%.3f,%d\n", t, t - sent, status))
    buffered = buffered + 1
    if buffered >= 5 then
        log:flush()
        buffered = 0
    end
end

function done(summary, latency, requests)
    local f = io.open(out .. "/" .. label .. ".json", "w")
    local counts = {}
    for _, thread in ipairs(threads) do
        table.insert(counts, tostring(thread:get("position") or 0))
    end
    f:write(string.format('{"scenario":"%s","label":"%s","threads":%d,"duration_s":%.3f,"requests":%d,"non2xx":%d,'
        .. '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,'
        .. '"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"mean_ms":%.2f,"delay_ms":%s,'
        .. '"next":"%s"}\n',
        scenario, label, #threads, summary.duration / 1e6, summary.requests, summary.errors.status,
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000, tostring(delay_ms), table.concat(counts, ",")))
    f:close()
end
