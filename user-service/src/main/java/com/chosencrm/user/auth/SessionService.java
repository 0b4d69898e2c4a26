package com.chosencrm.user.auth;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.security.TokenRevocations;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.auth.RefreshTokens.IssuedRefreshToken;
import com.chosencrm.user.auth.RefreshTokens.StoredRefreshToken;
import com.chosencrm.user.signing.AccessTokenIssuer;
import com.chosencrm.user.signing.AccessTokenIssuer.IssuedAccessToken;
import com.chosencrm.user.signing.SigningProperties;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions: an access token plus a rotating refresh token. Every login starts a token family; each
 * refresh spends the presented token and issues its successor in the same family; a spent or
 * revoked token presented again means it was copied, so the whole family is revoked.
 */
@Service
class SessionService {

  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  private final RefreshTokens refreshTokens;
  private final AccessTokenIssuer accessTokens;
  private final UserAccounts users;
  private final Tenants tenants;
  private final TokenRevocations revocations;
  private final AuditLog audit;
  private final SigningProperties signing;
  private final TransactionTemplate transactions;

  SessionService(
      RefreshTokens refreshTokens,
      AccessTokenIssuer accessTokens,
      UserAccounts users,
      Tenants tenants,
      TokenRevocations revocations,
      AuditLog audit,
      SigningProperties signing,
      TransactionTemplate transactions) {
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.users = users;
    this.tenants = tenants;
    this.revocations = revocations;
    this.audit = audit;
    this.signing = signing;
    this.transactions = transactions;
  }

  /** Starts a session (a new token family) for a user who has just proved who they are. */
  @Transactional
  AuthSession open(UserAccount user) {
    return issue(user, UuidV7.next());
  }

  /**
   * Spends a refresh token and returns a new session in its family, with roles and team as they are
   * now.
   *
   * @throws InvalidRefreshTokenException unknown, expired, spent or revoked token, or a user who
   *     can no longer sign in
   * @throws TenantSuspendedException the user's tenant is suspended; the token stays unspent so the
   *     session can resume if the tenant is reactivated
   */
  AuthSession refresh(String token) {
    // Decided in a transaction that commits even when the answer is a refusal: revoking a family
    // on reuse must stick although the request fails.
    Rotation outcome = transactions.execute(status -> rotate(token));
    return switch (outcome) {
      case Rotation.Rotated rotated -> rotated.session();
      case Rotation.TenantSuspended suspended -> throw new TenantSuspendedException();
      case Rotation.Refused refused -> throw new InvalidRefreshTokenException();
    };
  }

  /**
   * Ends the caller's session: the access token is deny-listed until it expires, and the family of
   * the refresh token, if given and the caller's own, is revoked.
   */
  @Transactional
  void logout(CurrentUser caller, String refreshToken) {
    revocations.revokeToken(caller.tokenId(), caller.tokenExpiresAt());
    if (refreshToken != null && !refreshToken.isBlank()) {
      refreshTokens.revokeFamilyOf(refreshToken, caller.userId());
    }
    audit.record(
        caller.tenantId(),
        new AuditLog.Actor(caller.userId(), null),
        AuditAction.LOGOUT,
        "user",
        caller.userId(),
        Map.of());
  }

  private sealed interface Rotation {
    record Rotated(AuthSession session) implements Rotation {}

    record TenantSuspended() implements Rotation {}

    record Refused() implements Rotation {}
  }

  private Rotation rotate(String token) {
    Optional<StoredRefreshToken> found = refreshTokens.findForUpdate(token);
    if (found.isEmpty()) {
      return new Rotation.Refused();
    }
    StoredRefreshToken stored = found.get();
    if (stored.isSpent()) {
      int revoked = refreshTokens.revokeFamily(stored.familyId());
      log.warn(
          "Refresh token reuse for user {}: family {} revoked ({} live tokens)",
          stored.userId(),
          stored.familyId(),
          revoked);
      audit.record(
          stored.tenantId(),
          AuditLog.Actor.ANONYMOUS,
          AuditAction.REFRESH_TOKEN_REUSED,
          "user",
          stored.userId(),
          Map.of("familyId", stored.familyId().toString()));
      return new Rotation.Refused();
    }
    if (stored.isExpired(Instant.now())) {
      return new Rotation.Refused();
    }
    Optional<UserAccount> user = users.findById(stored.userId()).filter(UserAccount::active);
    if (user.isEmpty()) {
      // A deactivated user's sessions are over for good.
      refreshTokens.revokeFamily(stored.familyId());
      return new Rotation.Refused();
    }
    if (!tenants.get(stored.tenantId()).isActive()) {
      return new Rotation.TenantSuspended();
    }
    AuthSession next = issue(user.get(), stored.familyId());
    refreshTokens.markUsed(stored.id(), next.refreshToken().id());
    return new Rotation.Rotated(next);
  }

  private AuthSession issue(UserAccount user, UUID familyId) {
    IssuedRefreshToken refresh =
        refreshTokens.issue(
            user.id(), user.tenantId(), familyId, Instant.now().plus(signing.refreshTokenTtl()));
    IssuedAccessToken access =
        accessTokens.issue(user.id(), user.tenantId(), user.roleNames(), user.teamId());
    return new AuthSession(access, refresh, user);
  }

  /** Deletes expired refresh tokens; every instance may run it, deleting twice is harmless. */
  int purgeExpired() {
    int deleted = refreshTokens.deleteExpired(Instant.now());
    if (deleted > 0) {
      log.info("Purged {} expired refresh tokens", deleted);
    }
    return deleted;
  }
}
