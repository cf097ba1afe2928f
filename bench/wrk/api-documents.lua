-- GET /api/documents: the first 50 of the user's documents as JSON (what infinite scroll asks for).
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
bench.sign_in()
wrk.path = "/api/documents"
done = bench.done
