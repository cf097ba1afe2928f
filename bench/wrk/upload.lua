-- POST /upload: a 100 KiB PNG per request as multipart/form-data, the token field first as the page's
-- form sends it. Every file gets its own name (the default title must be unique). Answers 303.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
local size = tonumber(os.getenv("BENCH_UPLOAD_BYTES") or "102400")
local boundary = "----DocManagerBenchBoundary7MA4YWxkTrZu0gW"
local head, tail
local count = 0

bench.sign_in()
wrk.method = "POST"
wrk.path = "/upload"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary

local threads = {}
local next_id = 1
function setup(thread)
  thread:set("thread_id", next_id)
  thread:set("run", os.time())
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local token = bench.env("BENCH_CSRF_TOKEN")
  head = "--" .. boundary .. "\r\n" ..
    'Content-Disposition: form-data; name="__RequestVerificationToken"\r\n\r\n' .. token .. "\r\n" ..
    "--" .. boundary .. "\r\n" ..
    'Content-Disposition: form-data; name="file"; filename="'
  -- The PNG signature, then filler: the intake checks the signature, the size is what matters.
  tail = '.png"\r\nContent-Type: image/png\r\n\r\n' ..
    "\137PNG\r\n\26\n" .. string.rep("b", size - 8) .. "\r\n" ..
    "--" .. boundary .. "--\r\n"
end

function request()
  count = count + 1
  local name = string.format("upload-%d-%d-%d", run, thread_id, count)
  return wrk.format(nil, nil, nil, head .. name .. tail)
end

done = bench.done
