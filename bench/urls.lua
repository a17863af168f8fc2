-- wrk script: each request is a GET of a path drawn at random from the file named by the URLS environment variable
-- (one path with its query per line). Each thread draws with a seed of its own.
local urls = {}
local threads = 0

setup = function(thread)
    threads = threads + 1
    thread:set("seed", threads)
end

init = function(args)
    for line in io.lines(os.getenv("URLS")) do
        urls[#urls + 1] = line
    end
    math.randomseed(os.time() * 1000 + (seed or 0))
end

request = function()
    return wrk.format("GET", urls[math.random(#urls)])
end
