-- GET /search?q=: a one-word search that ranks about a hundred of the user's documents.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
bench.sign_in()
wrk.path = "/search?q=" .. bench.env("BENCH_SEARCH")
done = bench.done
