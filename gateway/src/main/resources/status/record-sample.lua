-- One uptime sample for the whole suite, whatever the number of gateway replicas: the first replica to record in a
-- sample period wins (SET NX on the period's key), the others change nothing.
-- KEYS[1] period lock, KEYS[2] hour hash, KEYS[3] day hash, KEYS[4] "since" (epoch seconds of the first sample)
-- ARGV[1] lock TTL (s), ARGV[2] hour TTL (s), ARGV[3] day TTL (s), ARGV[4] now (epoch seconds), ARGV[5..] ids up
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return 0
end
redis.call('SETNX', KEYS[4], ARGV[4])
redis.call('HINCRBY', KEYS[2], '_samples', 1)
redis.call('HINCRBY', KEYS[3], '_samples', 1)
for i = 5, #ARGV do
  redis.call('HINCRBY', KEYS[2], ARGV[i], 1)
  redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[3])
return 1
