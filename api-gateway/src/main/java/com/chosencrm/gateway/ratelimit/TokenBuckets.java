package com.chosencrm.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway instance. One script call per request takes a
 * token atomically and tells how long until the next one; Redis's clock is the only clock, so
 * gateway instances need not agree on time.
 */
class TokenBuckets {

  /** Whether the request may pass, and if not, how long until a token is back. */
  record Decision(boolean allowed, Duration retryAfter) {}

  // KEYS[1] bucket; ARGV capacity, refill per second. Returns {allowed, retry after ms}.
  private static final String SCRIPT =
      """
      local capacity = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(state[1])
      local at = tonumber(state[2])
      if tokens == nil or at == nil then
        tokens = capacity
        at = now
      end
      tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
      local allowed = 0
      local retry = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        retry = math.ceil((1 - tokens) * 1000 / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
      return {allowed, retry}
      """;

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> TAKE = RedisScript.of(SCRIPT, List.class);

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  TokenBuckets(ReactiveStringRedisTemplate redis, Duration timeout) {
    this.redis = redis;
    this.timeout = timeout;
  }

  /** Takes one token from {@code key}'s bucket; errors if Redis cannot answer in time. */
  Mono<Decision> take(String key, RateLimitProperties.Bucket bucket) {
    return redis
        .execute(
            TAKE,
            List.of(key),
            List.of(String.valueOf(bucket.capacity()), String.valueOf(bucket.refillPerSecond())))
        .next()
        .timeout(timeout)
        .map(
            result ->
                new Decision(
                    ((Number) result.get(0)).longValue() == 1,
                    Duration.ofMillis(((Number) result.get(1)).longValue())));
  }
}
