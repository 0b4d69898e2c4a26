package com.chosencrm.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Redis deny-list of ADR 0001, without a Redis client: the key names every verifier and writer
 * shares, and the decision over the answer of one {@code MGET} of {@link #keys}. The servlet
 * services ask Redis blocking, the gateway reactively; both decide here.
 */
public final class DenyList {

  /** Set by logout for a {@code jti}, until the token would have expired anyway. */
  public static final String REVOKED_TOKEN_PREFIX = "chosencrm:revoked-jti:";

  /** Set while a platform operator keeps a tenant suspended. */
  public static final String SUSPENDED_TENANT_PREFIX = "chosencrm:suspended-tenant:";

  /** Epoch second at or before which a user's tokens are refused (deactivation, role change). */
  public static final String USER_CUTOFF_PREFIX = "chosencrm:user-tokens-before:";

  /**
   * Where every change to the deny-list kept in Redis database {@code database} is announced right
   * after it is written, for the copies the servlet services keep of it (ADR 0010). Redis channels
   * are shared by all databases of a server, hence the number in the name.
   */
  public static String changesChannel(int database) {
    return "chosencrm:deny-list-changes:" + database;
  }

  /** The longest an access token can live; a user cut-off is kept this long plus the skew. */
  public static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  private DenyList() {}

  public static String revokedTokenKey(String tokenId) {
    return REVOKED_TOKEN_PREFIX + tokenId;
  }

  public static String suspendedTenantKey(Object tenantId) {
    return SUSPENDED_TENANT_PREFIX + tenantId;
  }

  public static String userCutoffKey(Object userId) {
    return USER_CUTOFF_PREFIX + userId;
  }

  /** The three keys to {@code MGET}, in the order {@link #isRejected} expects their values. */
  public static List<String> keys(String tokenId, String tenantId, String userId) {
    return List.of(revokedTokenKey(tokenId), suspendedTenantKey(tenantId), userCutoffKey(userId));
  }

  /**
   * Whether a token must be refused, given the values of {@link #keys} (a {@code null} element is
   * an absent key).
   *
   * @throws IllegalStateException if Redis gave no proper answer: the caller fails closed
   */
  public static boolean isRejected(List<String> values, Instant issuedAt) {
    if (values == null || values.size() != 3) {
      throw new IllegalStateException("Redis gave no answer for the deny-list");
    }
    if (values.get(0) != null || values.get(1) != null) {
      return true;
    }
    String cutoff = values.get(2);
    return cutoff != null && isCutOff(Long.parseLong(cutoff), issuedAt);
  }

  /**
   * Whether a token issued at {@code issuedAt} falls under its user's cut-off (epoch second). Token
   * times have second precision: a token issued in the cut-off's second is refused too, and so is
   * one without an issue time.
   */
  public static boolean isCutOff(long cutoffSecond, Instant issuedAt) {
    return issuedAt == null || issuedAt.getEpochSecond() <= cutoffSecond;
  }
}
