-- GET each of BENCH_PATHS (separated by spaces) in turn, as the user whose cookies are BENCH_COOKIES:
-- the thumbnails a list page links to, files of the same sizes, or one list page. Each thread starts
-- at its own place in the list, and every request is built once, before the run.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
bench.sign_in()

local next_id = 0
function setup(thread)
  thread:set("offset", next_id)
  next_id = next_id + 1
end

local requests = {}
local count = 0
function init(args)
  for path in string.gmatch(bench.env("BENCH_PATHS"), "%S+") do
    table.insert(requests, wrk.format("GET", path))
  end
  count = (offset or 0) * 7
end

function request()
  count = count + 1
  return requests[(count % #requests) + 1]
end

done = bench.done
