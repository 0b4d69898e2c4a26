package com.chosencrm.user.platform;

import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.user.auth.PasswordPolicy;
import com.chosencrm.user.tenant.TenantView;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the configured platform operator exist, with the configured password, in the platform
 * tenant. Operators have no sign-up; the environment is the only way to get one.
 */
@Component
class PlatformAdminBootstrap {

  private static final Logger log = LoggerFactory.getLogger(PlatformAdminBootstrap.class);

  private final PlatformAdminProperties properties;
  private final Tenants tenants;
  private final UserAccounts users;

  PlatformAdminBootstrap(PlatformAdminProperties properties, Tenants tenants, UserAccounts users) {
    this.properties = properties;
    this.tenants = tenants;
    this.users = users;
  }

  @EventListener(ApplicationStartedEvent.class)
  void onStart() {
    synchronise();
  }

  /**
   * Creates the operator, or resets their password if it no longer matches the configured one.
   *
   * @throws IllegalStateException the configured password breaks the policy: better not to start
   *     than to run with a weak operator password
   */
  void synchronise() {
    if (!properties.isConfigured()) {
      log.info("No platform operator configured (PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD)");
      return;
    }
    List<FieldError> weaknesses =
        PasswordPolicy.violations("password", properties.password(), properties.email());
    if (!weaknesses.isEmpty()) {
      throw new IllegalStateException(
          "PLATFORM_ADMIN_PASSWORD does not meet the password policy: "
              + weaknesses.stream().map(FieldError::message).collect(Collectors.joining("; ")));
    }
    TenantView platform = tenants.platformTenant();
    Optional<UserAccount> existing = users.findByEmail(properties.email());
    if (existing.isEmpty()) {
      UserAccount created =
          users.create(
              platform.id(),
              properties.email(),
              "Platform",
              "Operator",
              properties.password(),
              Set.of(Role.PLATFORM_ADMIN),
              null);
      log.info("Created platform operator {}", created.id());
      return;
    }
    UserAccount operator = existing.get();
    if (!operator.tenantId().equals(platform.id())
        || !operator.roles().contains(Role.PLATFORM_ADMIN)) {
      // Never turn a customer's account into an operator because an email was reused.
      log.error(
          "PLATFORM_ADMIN_EMAIL belongs to user {} who is not a platform operator; left unchanged",
          operator.id());
      return;
    }
    if (!users.passwordMatches(operator, properties.password())) {
      users.setPassword(operator.id(), properties.password());
      log.info("Platform operator {} password reset from configuration", operator.id());
    }
  }
}
