package com.chosencrm.user.auth;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.tenant.TenantView;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up: a new tenant, its first admin, and a session for them, all or nothing. */
@Service
class RegistrationService {

  private final Tenants tenants;
  private final UserAccounts users;
  private final SessionService sessions;
  private final AuditLog audit;
  private final EventPublisher events;

  RegistrationService(
      Tenants tenants,
      UserAccounts users,
      SessionService sessions,
      AuditLog audit,
      EventPublisher events) {
    this.tenants = tenants;
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.events = events;
  }

  /**
   * @throws com.chosencrm.common.problem.InvalidRequestException the password breaks the policy
   * @throws com.chosencrm.common.problem.ConflictException the email already has an account
   */
  @Transactional
  AuthSession register(RegisterRequest request) {
    PasswordPolicy.enforce("password", request.password(), request.email());
    TenantView tenant = tenants.create(request.companyName().strip());
    UserAccount admin =
        users.create(
            tenant.id(),
            request.email(),
            request.firstName(),
            request.lastName(),
            request.password(),
            Set.of(Role.ADMIN),
            null);
    audit.record(
        tenant.id(),
        new AuditLog.Actor(admin.id(), admin.email()),
        AuditAction.TENANT_REGISTERED,
        "tenant",
        tenant.id(),
        Map.of("name", tenant.name()));
    events.publish(
        "TenantRegistered",
        tenant.id(),
        tenant.id(),
        Map.of("tenantId", tenant.id(), "name", tenant.name(), "adminUserId", admin.id()));
    return sessions.open(admin);
  }
}
