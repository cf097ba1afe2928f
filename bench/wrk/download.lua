-- GET /files/{id}: the seeded 1 MiB file. With BENCH_STATIC_PATH set it asks for that path instead
-- and sends no cookie: the same file served by nginx, the download ceiling.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
local static = os.getenv("BENCH_STATIC_PATH")
if static ~= nil and static ~= "" then
  wrk.path = static
else
  bench.sign_in()
  wrk.path = "/files/" .. bench.env("BENCH_FILE_ID")
end
done = bench.done
