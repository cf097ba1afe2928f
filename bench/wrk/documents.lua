-- GET /documents: the first page (50) of the seeded user's 1,000 documents, newest first.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
bench.sign_in()
wrk.path = "/documents"
done = bench.done
