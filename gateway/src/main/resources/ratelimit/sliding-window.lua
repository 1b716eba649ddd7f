-- Sliding-window limiter: KEYS[1] the window's sorted set; ARGV: window (ms), limit, a unique member for this request,
-- and optionally the time (epoch ms) when a clock drives the limiter (tests); otherwise Redis' own clock.
-- Returns {allowed (1/0), remaining, reset (epoch ms: when the oldest counted request leaves the window)}.
local now
if ARGV[4] then
  now = tonumber(ARGV[4])
else
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
local reset = now + window
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then
  reset = tonumber(oldest[2]) + window
end
return {allowed, limit - count, reset}
