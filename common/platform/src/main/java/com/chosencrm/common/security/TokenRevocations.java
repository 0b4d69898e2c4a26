package com.chosencrm.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared Redis deny-list every service consults on each request: access tokens revoked by
 * logout (by {@code jti}, until they would have expired anyway), every token of a user issued
 * before a moment (deactivation, role change, password change), and tenants suspended by a platform
 * operator (every live token of theirs stops working at once).
 *
 * <p>Every change is written to Redis and then announced on {@link DenyList#changesChannel}; with a
 * {@link DenyListMirror} a check is answered from this instance's copy, and from Redis only while
 * the copy cannot tell (ADR 0010).
 */
public class TokenRevocations {

  private final StringRedisTemplate redis;
  private final Duration clockSkew;
  private final DenyListMirror mirror;

  private final String channel;

  /** Without a copy: every check asks Redis; changes are still announced on {@code channel}. */
  public TokenRevocations(StringRedisTemplate redis, Duration clockSkew, String channel) {
    this(redis, clockSkew, channel, null);
  }

  public TokenRevocations(StringRedisTemplate redis, Duration clockSkew, DenyListMirror mirror) {
    this(redis, clockSkew, mirror.channel(), mirror);
  }

  private TokenRevocations(
      StringRedisTemplate redis, Duration clockSkew, String channel, DenyListMirror mirror) {
    this.redis = redis;
    this.clockSkew = clockSkew;
    this.channel = channel;
    this.mirror = mirror;
  }

  public void revokeToken(String tokenId, Instant expiresAt) {
    // Kept until the token could no longer pass the expiry check, skew included.
    Duration ttl = Duration.between(Instant.now(), expiresAt).plus(clockSkew);
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    redis.opsForValue().set(DenyList.revokedTokenKey(tokenId), "1", ttl);
    announce(DenyListMirror.revokedMessage(tokenId));
  }

  /**
   * Rejects every token of the user issued at or before {@code cutoff}: they were minted with roles
   * or a status that no longer hold. Kept as long as such a token could live.
   */
  public void revokeUserTokensIssuedBefore(UUID userId, Instant cutoff) {
    redis
        .opsForValue()
        .set(
            DenyList.userCutoffKey(userId),
            String.valueOf(cutoff.getEpochSecond()),
            DenyList.MAX_ACCESS_TOKEN_LIFETIME.plus(clockSkew));
    announce(DenyListMirror.cutoffMessage(userId, cutoff));
  }

  public void suspendTenant(UUID tenantId) {
    redis.opsForValue().set(DenyList.suspendedTenantKey(tenantId), "1");
    announce(DenyListMirror.suspendedMessage(tenantId));
  }

  public void reactivateTenant(UUID tenantId) {
    redis.delete(DenyList.suspendedTenantKey(tenantId));
    announce(DenyListMirror.reactivatedMessage(tenantId));
  }

  /**
   * Is the token revoked, its user cut off, or its tenant suspended? From this instance's copy of
   * the deny-list when it is complete, else in one round trip to Redis.
   */
  public boolean isRejected(String tokenId, String tenantId, String userId, Instant issuedAt) {
    Boolean known = mirror == null ? null : mirror.isRejected(tokenId, tenantId, userId, issuedAt);
    if (known != null) {
      return known;
    }
    List<String> values = redis.opsForValue().multiGet(DenyList.keys(tokenId, tenantId, userId));
    return DenyList.isRejected(values, issuedAt);
  }

  /** After the write: this instance knows at once, every other one when the message arrives. */
  private void announce(String change) {
    if (mirror != null) {
      mirror.apply(change);
    }
    redis.convertAndSend(channel, change);
  }
}
