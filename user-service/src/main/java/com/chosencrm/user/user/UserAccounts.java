package com.chosencrm.user.user;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.NotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features (sign-up, login, teams, operators) may do with user accounts, without
 * reaching into the user tables themselves.
 */
@Service
public class UserAccounts {

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final EventPublisher events;

  UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, EventPublisher events) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findByEmail(String email) {
    return users.findByEmail(User.normalizeEmail(email)).map(User::account);
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findById(UUID id) {
    return users.findById(id).map(User::account);
  }

  /** Within the tenant only: another tenant's user answers 404. */
  @Transactional(readOnly = true)
  public UserAccount get(UUID tenantId, UUID id) {
    return users
        .findByIdAndTenantId(id, tenantId)
        .map(User::account)
        .orElseThrow(() -> new NotFoundException("User", id));
  }

  public boolean passwordMatches(UserAccount account, String rawPassword) {
    return passwordEncoder.matches(rawPassword, account.passwordHash());
  }

  /**
   * Creates a user in the caller's transaction and publishes {@code UserCreated}. The password must
   * already satisfy the policy.
   *
   * @throws ConflictException if the email is taken anywhere on the platform
   */
  @Transactional
  public UserAccount create(
      UUID tenantId,
      String email,
      String firstName,
      String lastName,
      String rawPassword,
      Set<Role> roles,
      UUID teamId) {
    String normalized = User.normalizeEmail(email);
    if (users.existsByEmail(normalized)) {
      throw new ConflictException("An account with this email already exists");
    }
    User user =
        users.save(
            new User(
                tenantId,
                normalized,
                firstName,
                lastName,
                passwordEncoder.encode(rawPassword),
                roles,
                teamId));
    events.publish(
        "UserCreated",
        tenantId,
        user.id(),
        Map.of(
            "userId", user.id(),
            "email", user.email(),
            "firstName", user.firstName(),
            "lastName", user.lastName(),
            "roles", user.account().roleNames(),
            "teamId", teamId == null ? "" : teamId.toString()));
    return user.account();
  }

  /** Sets a new password (already checked against the policy). */
  @Transactional
  public void setPassword(UUID userId, String rawPassword) {
    User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    user.changePassword(passwordEncoder.encode(rawPassword));
  }
}
