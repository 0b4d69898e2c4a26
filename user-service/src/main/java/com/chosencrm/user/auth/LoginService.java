package com.chosencrm.user.auth;

import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Email and password sign-in. Unknown emails, wrong passwords and deactivated users take the same
 * path, cost the same hash check and get the same answer, so neither the response nor its timing
 * tells whether an email has an account.
 */
@Service
class LoginService {

  private final UserAccounts users;
  private final Tenants tenants;
  private final SessionService sessions;
  private final LoginAttempts attempts;
  private final AuditLog audit;
  private final PasswordEncoder passwordEncoder;
  // A real hash of a random password: checked for unknown emails so they cost a full bcrypt too.
  private final String dummyHash;

  LoginService(
      UserAccounts users,
      Tenants tenants,
      SessionService sessions,
      LoginAttempts attempts,
      AuditLog audit,
      PasswordEncoder passwordEncoder) {
    this.users = users;
    this.tenants = tenants;
    this.sessions = sessions;
    this.attempts = attempts;
    this.audit = audit;
    this.passwordEncoder = passwordEncoder;
    this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
  }

  /**
   * @param clientIp the caller's address, for slowing down guessing from one place
   * @throws AccountLockedException the email is locked (known or not)
   * @throws InvalidCredentialsException unknown email, wrong password or deactivated user
   * @throws TenantSuspendedException right password, but the user's tenant is suspended
   */
  AuthSession login(String email, String password, String clientIp) {
    pause(attempts.delayFor(clientIp));
    String normalized = normalize(email);
    Optional<Duration> locked = attempts.lockRemaining(normalized);
    if (locked.isPresent()) {
      throw new AccountLockedException(locked.get());
    }
    Optional<UserAccount> found = users.findByEmail(normalized);
    boolean passwordMatches =
        found
            .map(user -> users.passwordMatches(user, password))
            .orElseGet(() -> passwordEncoder.matches(password, dummyHash));
    if (found.isEmpty() || !passwordMatches || !found.get().active()) {
      throw failure(normalized, clientIp, found, passwordMatches);
    }
    UserAccount user = found.get();
    if (!tenants.get(user.tenantId()).isActive()) {
      throw new TenantSuspendedException();
    }
    attempts.recordSuccess(normalized);
    AuthSession session = sessions.open(user);
    audit.record(
        user.tenantId(),
        new AuditLog.Actor(user.id(), user.email()),
        AuditAction.LOGIN_SUCCEEDED,
        "user",
        user.id(),
        Map.of());
    return session;
  }

  private InvalidCredentialsException failure(
      String email, String clientIp, Optional<UserAccount> found, boolean passwordMatched) {
    boolean lockedNow = attempts.recordFailure(email, clientIp);
    // Recorded in transactions of their own: the request itself ends in an error.
    found.ifPresent(
        user -> {
          audit.recordIndependently(
              user.tenantId(),
              AuditLog.Actor.ANONYMOUS,
              AuditAction.LOGIN_FAILED,
              "user",
              user.id(),
              Map.of("reason", passwordMatched ? "user deactivated" : "wrong password"));
          if (lockedNow) {
            audit.recordIndependently(
                user.tenantId(),
                AuditLog.Actor.ANONYMOUS,
                AuditAction.ACCOUNT_LOCKED,
                "user",
                user.id(),
                Map.of());
          }
        });
    return new InvalidCredentialsException();
  }

  // Same rule as the user accounts' own: emails are compared trimmed and lower-cased.
  private static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
