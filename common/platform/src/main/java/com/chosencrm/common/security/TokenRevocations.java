package com.chosencrm.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared Redis deny-list every service consults on each request: access tokens revoked by
 * logout (by {@code jti}, until they would have expired anyway) and tenants suspended by a platform
 * operator (every live token of theirs stops working at once).
 */
public class TokenRevocations {

  static final String REVOKED_TOKEN_PREFIX = "chosencrm:revoked-jti:";
  static final String SUSPENDED_TENANT_PREFIX = "chosencrm:suspended-tenant:";

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
    redis.opsForValue().set(REVOKED_TOKEN_PREFIX + tokenId, "1", ttl);
  }

  public void suspendTenant(UUID tenantId) {
    redis.opsForValue().set(SUSPENDED_TENANT_PREFIX + tenantId, "1");
  }

  public void reactivateTenant(UUID tenantId) {
    redis.delete(SUSPENDED_TENANT_PREFIX + tenantId);
  }

  /** One round trip: is the token revoked, or its tenant suspended? */
  public boolean isRejected(String tokenId, String tenantId) {
    List<String> keys = new ArrayList<>(2);
    if (tokenId != null) {
      keys.add(REVOKED_TOKEN_PREFIX + tokenId);
    }
    if (tenantId != null) {
      keys.add(SUSPENDED_TENANT_PREFIX + tenantId);
    }
    if (keys.isEmpty()) {
      return false;
    }
    Long existing = redis.countExistingKeys(keys);
    return existing != null && existing > 0;
  }
}
