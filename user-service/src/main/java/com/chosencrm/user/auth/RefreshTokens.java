package com.chosencrm.user.auth;

import com.chosencrm.common.id.UuidV7;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The refresh_token table. Only the SHA-256 of a token is stored: a database leak yields nothing
 * that can be presented. The tokens are 256 random bits, so an unsalted fast hash is enough.
 */
@Component
class RefreshTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private final JdbcClient jdbc;

  RefreshTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A token as handed to the client: the raw value exists only here and in the response. */
  record IssuedRefreshToken(UUID id, String token, UUID familyId, Instant expiresAt) {
    @Override
    public String toString() {
      return "IssuedRefreshToken[id=" + id + ", familyId=" + familyId + "]";
    }
  }

  record StoredRefreshToken(
      UUID id,
      UUID familyId,
      UUID userId,
      UUID tenantId,
      Instant expiresAt,
      Instant usedAt,
      Instant revokedAt) {

    boolean isSpent() {
      return usedAt != null || revokedAt != null;
    }

    boolean isExpired(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }

  IssuedRefreshToken issue(UUID userId, UUID tenantId, UUID familyId, Instant expiresAt) {
    byte[] random = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    UUID id = UuidV7.next();
    jdbc.sql(
            """
            insert into refresh_token (id, token_hash, family_id, user_id, tenant_id, issued_at,
                                       expires_at)
            values (:id, :hash, :familyId, :userId, :tenantId, :issuedAt, :expiresAt)
            """)
        .param("id", id)
        .param("hash", hash(token))
        .param("familyId", familyId)
        .param("userId", userId)
        .param("tenantId", tenantId)
        .param("issuedAt", utc(Instant.now()))
        .param("expiresAt", utc(expiresAt))
        .update();
    return new IssuedRefreshToken(id, token, familyId, expiresAt);
  }

  /**
   * Finds a token and locks its row until the transaction ends, so that two requests presenting the
   * same token are decided one after the other: the second sees it spent.
   */
  Optional<StoredRefreshToken> findForUpdate(String token) {
    return jdbc.sql(
            """
            select id, family_id, user_id, tenant_id, expires_at, used_at, revoked_at
            from refresh_token where token_hash = :hash
            for update
            """)
        .param("hash", hash(token))
        .query(RefreshTokens::map)
        .optional();
  }

  void markUsed(UUID id, UUID replacedBy) {
    jdbc.sql("update refresh_token set used_at = :now, replaced_by = :next where id = :id")
        .param("now", utc(Instant.now()))
        .param("next", replacedBy)
        .param("id", id)
        .update();
  }

  /** Revokes every token of the family that is not revoked yet; returns how many. */
  int revokeFamily(UUID familyId) {
    return jdbc.sql(
            """
            update refresh_token set revoked_at = :now
            where family_id = :familyId and revoked_at is null
            """)
        .param("now", utc(Instant.now()))
        .param("familyId", familyId)
        .update();
  }

  /** Ends every session of the user: after a password change, deactivation or deletion. */
  int revokeAllOf(UUID userId) {
    return jdbc.sql(
            "update refresh_token set revoked_at = :now where user_id = :userId and revoked_at is null")
        .param("now", utc(Instant.now()))
        .param("userId", userId)
        .update();
  }

  /**
   * Revokes the family of {@code token} if the token belongs to {@code userId}; anyone else's token
   * is left alone.
   */
  int revokeFamilyOf(String token, UUID userId) {
    return jdbc.sql(
            """
            update refresh_token set revoked_at = :now
            where revoked_at is null
              and family_id = (select family_id from refresh_token
                               where token_hash = :hash and user_id = :userId)
            """)
        .param("now", utc(Instant.now()))
        .param("hash", hash(token))
        .param("userId", userId)
        .update();
  }

  /** Expired rows can no longer be presented successfully; keeping them buys nothing. */
  int deleteExpired(Instant now) {
    return jdbc.sql("delete from refresh_token where expires_at < :now")
        .param("now", utc(now))
        .update();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static StoredRefreshToken map(ResultSet rs, int row) throws SQLException {
    return new StoredRefreshToken(
        rs.getObject("id", UUID.class),
        rs.getObject("family_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        instant(rs, "expires_at"),
        instant(rs, "used_at"),
        instant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
