package com.chosencrm.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted in Redis so every instance sees the same numbers and unknown emails are
 * counted exactly like known ones. Per email: too many failures lock it. Per client IP: too many
 * failures slow every further attempt from it down.
 */
@Component
class LoginAttempts {

  private static final String PREFIX = "chosencrm:login:";

  // INCR and setting the window's expiry must be one step: a counter left without a TTL would
  // lock an email for ever.
  private static final RedisScript<Long> COUNT_IN_WINDOW =
      new DefaultRedisScript<>(
          """
          local n = redis.call('INCR', KEYS[1])
          if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
          return n
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final AuthProperties properties;

  LoginAttempts(StringRedisTemplate redis, AuthProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** How long the email stays locked, if it is. */
  Optional<Duration> lockRemaining(String normalizedEmail) {
    Long millis = redis.getExpire(lockKey(normalizedEmail), TimeUnit.MILLISECONDS);
    return millis != null && millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
  }

  /**
   * Counts a failure against the email and the IP.
   *
   * @return true if this failure locked the email
   */
  boolean recordFailure(String normalizedEmail, String clientIp) {
    long window = properties.failureWindow().toMillis();
    if (clientIp != null) {
      count(ipKey(clientIp), window);
    }
    long failures = count(failuresKey(normalizedEmail), window);
    if (failures < properties.maxFailedLogins()) {
      return false;
    }
    redis.opsForValue().set(lockKey(normalizedEmail), "1", properties.lockDuration());
    // The lock takes over; once it lapses the email starts again from zero.
    redis.delete(failuresKey(normalizedEmail));
    return true;
  }

  /** A successful sign-in forgives the email's earlier failures (not the IP's). */
  void recordSuccess(String normalizedEmail) {
    redis.delete(failuresKey(normalizedEmail));
  }

  /**
   * The pause before answering an attempt from this IP: nothing up to the threshold, then one step
   * more per failure beyond it, capped.
   */
  Duration delayFor(String clientIp) {
    if (clientIp == null) {
      return Duration.ZERO;
    }
    String value = redis.opsForValue().get(ipKey(clientIp));
    long failures = value == null ? 0 : Long.parseLong(value);
    long beyond = failures - properties.ipFailureThreshold() + 1;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Duration delay = properties.ipDelayStep().multipliedBy(beyond);
    return delay.compareTo(properties.ipDelayMax()) > 0 ? properties.ipDelayMax() : delay;
  }

  private long count(String key, long windowMillis) {
    Long n = redis.execute(COUNT_IN_WINDOW, List.of(key), String.valueOf(windowMillis));
    return n == null ? 0 : n;
  }

  // Emails are hashed so that Redis holds no list of who tried to sign in.
  private static String failuresKey(String email) {
    return PREFIX + "failures:email:" + digest(email);
  }

  private static String lockKey(String email) {
    return PREFIX + "locked:email:" + digest(email);
  }

  private static String ipKey(String ip) {
    return PREFIX + "failures:ip:" + ip;
  }

  private static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
