-- POST /login: a successful sign-in (a password hash check and a new session) per request, with an
-- anonymous visitor's anti-forgery cookie and form token. Answers 303; a refusal is a 4xx error.
local bench = dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "common.lua")
wrk.method = "POST"
wrk.path = "/login"
wrk.headers["Cookie"] = bench.env("BENCH_LOGIN_COOKIES")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "__RequestVerificationToken=" .. bench.env("BENCH_LOGIN_TOKEN") ..
  "&username=" .. bench.env("BENCH_USER") .. "&password=" .. bench.env("BENCH_PASSWORD")
done = bench.done
