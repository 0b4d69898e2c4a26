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
 */
public class TokenRevocations {

  private final StringRedisTemplate redis;
  private final Duration clockSkew;

  public TokenRevocations(StringRedisTemplate redis, Duration clockSkew) {
    this.redis = redis;
    this.clockSkew = clockSkew;
  }

  public void revokeToken(String tokenId, Instant expiresAt) {
    // Kept until the token could no longer pass the expiry check, skew included.
    Duration ttl = Duration.between(Instant.now(), expiresAt).plus(clockSkew);
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    redis.opsForValue().set(DenyList.revokedTokenKey(tokenId), "1", ttl);
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
  }

  public void suspendTenant(UUID tenantId) {
    redis.opsForValue().set(DenyList.suspendedTenantKey(tenantId), "1");
  }

  public void reactivateTenant(UUID tenantId) {
    redis.delete(DenyList.suspendedTenantKey(tenantId));
  }

  /** One round trip: is the token revoked, its user cut off, or its tenant suspended? */
  public boolean isRejected(String tokenId, String tenantId, String userId, Instant issuedAt) {
    List<String> values = redis.opsForValue().multiGet(DenyList.keys(tokenId, tenantId, userId));
    return DenyList.isRejected(values, issuedAt);
  }
}
