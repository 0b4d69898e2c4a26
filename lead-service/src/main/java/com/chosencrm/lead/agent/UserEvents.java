package com.chosencrm.lead.agent;

import java.util.List;
import java.util.UUID;

/**
 * The fields lead-service reads from user-service's events (catalogue: docs/events.md). Unknown
 * fields are ignored, so user-service may add more.
 */
final class UserEvents {

  static final String USER_CREATED = "UserCreated";
  static final String USER_UPDATED = "UserUpdated";
  static final String USER_DEACTIVATED = "UserDeactivated";
  static final String USER_REACTIVATED = "UserReactivated";
  static final String USER_ROLE_CHANGED = "UserRoleChanged";
  static final String USER_DELETED = "UserDeleted";
  static final String TEAM_CHANGED = "TeamChanged";

  static final String[] ALL = {
    USER_CREATED,
    USER_UPDATED,
    USER_DEACTIVATED,
    USER_REACTIVATED,
    USER_ROLE_CHANGED,
    USER_DELETED,
    TEAM_CHANGED
  };

  private UserEvents() {}

  record UserCreated(
      UUID userId,
      String email,
      String firstName,
      String lastName,
      List<String> roles,
      UUID teamId) {}

  record UserUpdated(UUID userId, String email, String firstName, String lastName) {}

  /** Deactivated, reactivated and deleted all carry the same fields. */
  record UserStatus(UUID userId, String email, UUID teamId) {}

  record UserRoleChanged(UUID userId, List<String> oldRoles, List<String> newRoles) {}

  record TeamChanged(
      UUID teamId, String name, UUID supervisorId, List<UUID> memberIds, String change) {}
}
