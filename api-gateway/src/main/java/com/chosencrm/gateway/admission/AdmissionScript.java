package com.chosencrm.gateway.admission;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The one Redis call a request costs at the edge: reads the token's deny-list entries (ADR 0001)
 * and, unless they refuse it, takes a token from the caller's rate-limit bucket, atomically and by
 * Redis's clock, so gateway instances need not agree on time. A refused token takes nothing from
 * its tenant's bucket, as when the deny-list was asked first in a call of its own.
 *
 * <p>The deny-list rule is applied here only to skip the bucket; whether the token is refused is
 * decided in Java by {@link com.chosencrm.common.security.DenyList}, over the values the script
 * returns, exactly as every service decides.
 */
class AdmissionScript {

  /**
   * The deny-list values (absent keys are null), then how many tokens the bucket gave (0: the
   * request may not pass, for {@code retryAfter}).
   */
  record Answer(List<String> denyListValues, int granted, Duration retryAfter) {
    boolean allowed() {
      return granted > 0;
    }
  }

  /** A bucket to take from, or none. */
  record Bucket(String key, RateLimitProperties.Bucket limits) {}

  private static final Bucket NO_BUCKET = new Bucket("-", new RateLimitProperties.Bucket(1, 1));

  // KEYS[1] the bucket, KEYS[2..4] the deny-list keys (when ARGV[3] is not empty).
  // ARGV[1] capacity (0: no bucket), ARGV[2] refill per second, ARGV[3] the token's iat in epoch
  // seconds ('' without a token, '-1' for a token without iat), ARGV[4] how many tokens to take at
  // most (a lease, ADR 0009; whatever the bucket holds of them, at least one, or none).
  // Returns {tokens granted, retry after ms, revoked jti, suspended tenant, user cut-off}.
  private static final String SCRIPT =
      """
      local denied = {false, false, false}
      if ARGV[3] ~= '' then
        denied = redis.call('MGET', KEYS[2], KEYS[3], KEYS[4])
        local iat = tonumber(ARGV[3])
        if denied[1] or denied[2] or (denied[3] and (iat < 0 or iat <= tonumber(denied[3]))) then
          return {0, 0, denied[1], denied[2], denied[3]}
        end
      end
      local capacity = tonumber(ARGV[1])
      if capacity == 0 then
        return {1, 0, denied[1], denied[2], denied[3]}
      end
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
      local granted = 0
      local retry = 0
      if tokens >= 1 then
        granted = math.min(tonumber(ARGV[4]), math.floor(tokens))
        tokens = tokens - granted
      else
        retry = math.ceil((1 - tokens) * 1000 / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
      return {granted, retry, denied[1], denied[2], denied[3]}
      """;

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ADMIT = RedisScript.of(SCRIPT, List.class);

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  AdmissionScript(ReactiveStringRedisTemplate redis, Duration timeout) {
    this.redis = redis;
    this.timeout = timeout;
  }

  /**
   * Checks {@code denyListKeys} (the three keys of {@code DenyList.keys}, or null for a request
   * without a token) and then takes up to {@code tokens} from {@code bucket} (or null for none);
   * errors if Redis cannot answer in time.
   */
  Mono<Answer> admit(List<String> denyListKeys, Long issuedAt, Bucket bucket, int tokens) {
    Bucket taken = bucket != null ? bucket : NO_BUCKET;
    List<String> keys =
        denyListKeys == null
            ? List.of(taken.key())
            : List.of(taken.key(), denyListKeys.get(0), denyListKeys.get(1), denyListKeys.get(2));
    List<String> args =
        List.of(
            bucket == null ? "0" : String.valueOf(bucket.limits().capacity()),
            String.valueOf(taken.limits().refillPerSecond()),
            denyListKeys == null ? "" : String.valueOf(issuedAt == null ? -1 : issuedAt),
            String.valueOf(Math.max(1, tokens)));
    return redis.execute(ADMIT, keys, args).next().timeout(timeout).map(AdmissionScript::answer);
  }

  @SuppressWarnings("rawtypes")
  private static Answer answer(List result) {
    if (result.size() != 5) {
      throw new IllegalStateException("Unexpected answer from Redis: " + result.size() + " values");
    }
    return new Answer(
        Arrays.asList(text(result.get(2)), text(result.get(3)), text(result.get(4))),
        ((Number) result.get(0)).intValue(),
        Duration.ofMillis(((Number) result.get(1)).longValue()));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
