package com.chosencrm.user.user;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.security.TokenRevocations;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.auth.PasswordPolicy;
import com.chosencrm.user.feature.FeatureFlag;
import com.chosencrm.user.feature.FeatureFlagService;
import com.chosencrm.user.user.UserEvents.UserDeactivated;
import com.chosencrm.user.user.UserEvents.UserDeleted;
import com.chosencrm.user.user.UserEvents.UserReactivated;
import com.chosencrm.user.user.UserEvents.UserRoleChanged;
import com.chosencrm.user.user.UserEvents.UserUpdated;
import com.chosencrm.user.user.UserRequests.ChangePasswordRequest;
import com.chosencrm.user.user.UserRequests.ChangeRolesRequest;
import com.chosencrm.user.user.UserRequests.CreateUserRequest;
import com.chosencrm.user.user.UserRequests.UpdateUserRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a tenant admin does to the tenant's users, and what users do to their own account. Every
 * change is audited and announced through the outbox in its own transaction. Whatever may leave a
 * tenant without an active admin locks the tenant's admin rows first.
 */
@Service
@Transactional
public class UserService {

  private static final String USER = "user";

  private final UserRepository users;
  private final UserAccounts accounts;
  private final TeamDirectory teams;
  private final TokenRevocations revocations;
  private final EventPublisher events;
  private final AuditLog audit;
  private final AuditActors actors;
  private final ApplicationEventPublisher sessionEvents;
  private final FeatureFlagService flags;

  UserService(
      UserRepository users,
      UserAccounts accounts,
      TeamDirectory teams,
      TokenRevocations revocations,
      EventPublisher events,
      AuditLog audit,
      AuditActors actors,
      ApplicationEventPublisher sessionEvents,
      FeatureFlagService flags) {
    this.sessionEvents = sessionEvents;
    this.flags = flags;
    this.users = users;
    this.accounts = accounts;
    this.teams = teams;
    this.revocations = revocations;
    this.events = events;
    this.audit = audit;
    this.actors = actors;
  }

  /**
   * @throws ConflictException if the email is taken anywhere on the platform
   */
  public UserResponse create(CurrentUser admin, CreateUserRequest request) {
    requireAcceptablePassword("password", request.password(), request.email());
    requireTeamOfTenant(admin.tenantId(), request.teamId());
    requireRoomForActiveUser(admin.tenantId());
    UserAccount created =
        accounts.create(
            admin.tenantId(),
            request.email(),
            request.firstName(),
            request.lastName(),
            request.password(),
            request.grantedRoles(),
            request.teamId());
    User user = find(admin.tenantId(), created.id());
    audit.record(
        admin.tenantId(),
        actors.of(admin),
        AuditAction.USER_CREATED,
        USER,
        user.id(),
        auditDetails(
            "email",
            user.email(),
            "roles",
            UserResponse.sorted(user.roles()),
            "teamId",
            user.teamId()));
    return UserResponse.from(user);
  }

  /** Replaces name and email; roles and team have their own rules and endpoints. */
  public UserResponse update(CurrentUser admin, UUID id, UpdateUserRequest request) {
    User user = find(admin.tenantId(), id);
    String email = User.normalizeEmail(request.email());
    Map<String, Object> changes = new LinkedHashMap<>();
    if (!email.equals(user.email())) {
      if (users.existsByEmail(email)) {
        throw new ConflictException("An account with this email already exists");
      }
      changes.put("email", Map.of("old", user.email(), "new", email));
      user.changeEmail(email);
    }
    String firstName = request.firstName().strip();
    String lastName = request.lastName().strip();
    if (!firstName.equals(user.firstName()) || !lastName.equals(user.lastName())) {
      changes.put(
          "name",
          Map.of(
              "old", user.firstName() + " " + user.lastName(), "new", firstName + " " + lastName));
      user.rename(firstName, lastName);
    }
    if (!changes.isEmpty()) {
      audit.record(admin.tenantId(), actors.of(admin), AuditAction.USER_UPDATED, USER, id, changes);
      events.publish(
          "UserUpdated",
          admin.tenantId(),
          id,
          new UserUpdated(id, user.email(), user.firstName(), user.lastName()));
    }
    return UserResponse.from(user);
  }

  public UserResponse changeRoles(CurrentUser admin, UUID id, ChangeRolesRequest request) {
    users.lockActiveAdmins(admin.tenantId());
    User user = find(admin.tenantId(), id);
    Set<Role> oldRoles = user.roles();
    Set<Role> newRoles = EnumSet.copyOf(request.grantedRoles());
    // Operators' role comes from configuration; a tenant admin can neither grant nor take it.
    if (oldRoles.contains(Role.PLATFORM_ADMIN)) {
      newRoles.add(Role.PLATFORM_ADMIN);
    }
    if (newRoles.equals(oldRoles)) {
      return UserResponse.from(user);
    }
    if (user.isActive() && oldRoles.contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
      requireAnotherActiveAdmin(admin.tenantId(), "remove the admin role from");
    }
    user.assignRoles(newRoles);
    if (!newRoles.contains(Role.SUPERVISOR) && !newRoles.contains(Role.ADMIN)) {
      teams.releaseSupervisor(admin.tenantId(), id);
    }
    // Tokens carry roles: the old ones must not outlive the change.
    revocations.revokeUserTokensIssuedBefore(id, Instant.now());
    List<Role> before = UserResponse.sorted(oldRoles);
    List<Role> after = UserResponse.sorted(newRoles);
    audit.record(
        admin.tenantId(),
        actors.of(admin),
        AuditAction.ROLES_CHANGED,
        USER,
        id,
        Map.of("oldRoles", before, "newRoles", after));
    events.publish("UserRoleChanged", admin.tenantId(), id, new UserRoleChanged(id, before, after));
    return UserResponse.from(user);
  }

  public UserResponse deactivate(CurrentUser admin, UUID id) {
    users.lockActiveAdmins(admin.tenantId());
    User user = find(admin.tenantId(), id);
    if (!user.isActive()) {
      return UserResponse.from(user);
    }
    if (user.roles().contains(Role.ADMIN)) {
      requireAnotherActiveAdmin(admin.tenantId(), "deactivate");
    }
    user.deactivate();
    revocations.revokeUserTokensIssuedBefore(id, Instant.now());
    sessionEvents.publishEvent(new SessionsEnded(id, "deactivated"));
    audit.record(
        admin.tenantId(),
        actors.of(admin),
        AuditAction.USER_DEACTIVATED,
        USER,
        id,
        auditDetails("email", user.email()));
    events.publish(
        "UserDeactivated",
        admin.tenantId(),
        id,
        new UserDeactivated(id, user.email(), user.teamId()));
    return UserResponse.from(user);
  }

  public UserResponse reactivate(CurrentUser admin, UUID id) {
    User user = find(admin.tenantId(), id);
    if (user.isActive()) {
      return UserResponse.from(user);
    }
    requireRoomForActiveUser(admin.tenantId());
    user.reactivate();
    audit.record(
        admin.tenantId(),
        actors.of(admin),
        AuditAction.USER_REACTIVATED,
        USER,
        id,
        auditDetails("email", user.email()));
    events.publish(
        "UserReactivated",
        admin.tenantId(),
        id,
        new UserReactivated(id, user.email(), user.teamId()));
    return UserResponse.from(user);
  }

  /**
   * Deletes the user for good.
   *
   * @throws ConflictException if records of this service still refer to the user; deactivating is
   *     the answer then
   */
  public void delete(CurrentUser admin, UUID id) {
    users.lockActiveAdmins(admin.tenantId());
    User user = find(admin.tenantId(), id);
    if (user.isActive() && user.roles().contains(Role.ADMIN)) {
      requireAnotherActiveAdmin(admin.tenantId(), "delete");
    }
    teams.releaseSupervisor(admin.tenantId(), id);
    try {
      users.delete(user);
      users.flush();
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException(
          "Other records still refer to this user; deactivate the user instead");
    }
    revocations.revokeUserTokensIssuedBefore(id, Instant.now());
    sessionEvents.publishEvent(new SessionsEnded(id, "deleted"));
    audit.record(
        admin.tenantId(),
        actors.of(admin),
        AuditAction.USER_DELETED,
        USER,
        id,
        auditDetails("email", user.email(), "teamId", user.teamId()));
    events.publish(
        "UserDeleted", admin.tenantId(), id, new UserDeleted(id, user.email(), user.teamId()));
  }

  /**
   * Changes the caller's own password. Every token of theirs issued up to now stops working,
   * including the one of this request: they sign in again with the new password.
   */
  public void changeOwnPassword(CurrentUser caller, ChangePasswordRequest request) {
    UserAccount account = accounts.get(caller.tenantId(), caller.userId());
    if (!accounts.passwordMatches(account, request.currentPassword())) {
      throw InvalidRequestException.field("currentPassword", "The current password is not correct");
    }
    if (request.newPassword().equals(request.currentPassword())) {
      throw InvalidRequestException.field(
          "newPassword", "Choose a password different from the current one");
    }
    requireAcceptablePassword("newPassword", request.newPassword(), account.email());
    accounts.setPassword(account.id(), request.newPassword());
    revocations.revokeUserTokensIssuedBefore(account.id(), Instant.now());
    sessionEvents.publishEvent(new SessionsEnded(account.id(), "password changed"));
    audit.record(
        caller.tenantId(),
        new AuditLog.Actor(account.id(), account.email()),
        AuditAction.PASSWORD_CHANGED,
        USER,
        account.id(),
        Map.of());
  }

  private User find(UUID tenantId, UUID id) {
    return users
        .findByIdAndTenantId(id, tenantId)
        .orElseThrow(() -> new NotFoundException("User", id));
  }

  private static void requireAcceptablePassword(String field, String password, String email) {
    PasswordPolicy.enforce(field, password, email);
  }

  private void requireTeamOfTenant(UUID tenantId, UUID teamId) {
    if (teamId != null && !teams.isTeamOfTenant(tenantId, teamId)) {
      throw InvalidRequestException.field("teamId", "There is no such team");
    }
  }

  /** The tenant's plan caps its active users (feature flag maxUsers). */
  private void requireRoomForActiveUser(UUID tenantId) {
    int limit = ((Number) flags.valueOf(tenantId, FeatureFlag.MAX_USERS)).intValue();
    if (users.countByTenantIdAndActiveTrue(tenantId) >= limit) {
      throw new BusinessRuleException(
          "Your organisation already has its maximum of "
              + limit
              + " active users; deactivate someone or raise the limit");
    }
  }

  /** Called with the tenant's admin rows locked, so the count cannot change under us. */
  private void requireAnotherActiveAdmin(UUID tenantId, String action) {
    if (users.countActiveAdmins(tenantId) <= 1) {
      throw new BusinessRuleException(
          "You cannot " + action + " the last active admin; make another user an admin first");
    }
  }

  /** Audit details where some values may be null (Map.of refuses them). */
  private static Map<String, Object> auditDetails(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return details;
  }
}
