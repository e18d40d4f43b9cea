-- wrk script: each connection declares an incident, walks it to a terminal step (always choice 1),
-- resolves it, reads it back and checks its timeline (sequence 1..n with no gap, one choice-made
-- per choice posted). Run one thread per connection (-t N -c N) so each Lua state drives one walk.
-- Usage: wrk -t50 -c50 -d20s --latency -s bench/incident-walk.lua http://127.0.0.1:18080 -- <token> [runbook]

local token, runbook
local state, id, step, choices = "declare", nil, nil, 0
-- globals, so that done() can read them from each thread
walks, errors, lost, first_error = 0, 0, 0, ""
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	token = args[1] or error("usage: -- <token> [runbook]")
	runbook = args[2] or "ai-outage"
	wrk.headers["Authorization"] = "Bearer " .. token
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	if state == "declare" then
		return wrk.format("POST", "/api/incidents", nil, '{"runbook":"' .. runbook .. '"}')
	elseif state == "choose" then
		return wrk.format("POST", "/api/incidents/" .. id .. "/choices", nil,
			'{"step":"' .. step .. '","choice":"1"}')
	elseif state == "resolve" then
		return wrk.format("POST", "/api/incidents/" .. id .. "/resolve", nil, '{"summary":"load test"}')
	else
		return wrk.format("GET", "/api/incidents/" .. id)
	end
end

-- The current step's id and whether it offers choices. Texts are JSON strings, so their quotes are
-- escaped: the first unescaped "choices":[ after "currentStep" is the step's own.
local function current(body)
	local at = body:find('"currentStep":{', 1, true)
	if not at then return nil, false end
	local s = body:match('^"currentStep":{"id":"([^"]+)"', at)
	local list = body:find('"choices":[', at, true)
	return s, list ~= nil and body:sub(list + 11, list + 11) ~= "]"
end

local function check(body)
	local n, made = 0, 0
	for seq in body:gmatch('{"seq":(%d+),') do
		n = n + 1
		if tonumber(seq) ~= n then lost = lost + 1 end
	end
	for _ in body:gmatch('"type":"choice%-made"') do made = made + 1 end
	if n == 0 or made ~= choices then lost = lost + 1 end
end

function response(status, headers, body)
	local expected = state == "declare" and 201 or 200
	if status ~= expected then
		errors = errors + 1
		if first_error == "" then
			first_error = state .. " " .. (id or "") .. " -> " .. status .. " " .. body:sub(1, 300)
		end
		state, choices = "declare", 0
		return
	end
	if state == "declare" or state == "choose" then
		if state == "declare" then
			id, choices = body:match('^{"id":"([^"]+)"'), 0
		else
			choices = choices + 1
		end
		local more
		step, more = current(body)
		state = (more and choices < 30) and "choose" or "resolve"
	elseif state == "resolve" then
		state = "read"
	else
		check(body)
		walks = walks + 1
		state = "declare"
	end
end

function done(summary, latency, requests)
	local w, e, l, first = 0, 0, 0, ""
	for _, t in ipairs(threads) do
		w, e, l = w + t:get("walks"), e + t:get("errors"), l + t:get("lost")
		if first == "" then first = t:get("first_error") end
	end
	local s = summary.duration / 1e6
	io.write(string.format("requests=%d time=%.2fs throughput=%.0f req/s walks=%d\n", summary.requests, s,
		summary.requests / s, w))
	io.write(string.format("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f\n", latency:percentile(50) / 1e3,
		latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
	io.write(string.format("errors=%d (socket: connect %d read %d write %d timeout %d) lost-or-duplicated-events=%d\n",
		e, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, l))
	if first ~= "" then io.write("first error: " .. first .. "\n") end
end
