package com.chosencrm.user.user;

import java.util.List;
import java.util.UUID;

/**
 * Payloads of the user events this feature publishes through the outbox (catalogue:
 * docs/events.md). {@code UserCreated} is published by {@link UserAccounts#create}. The type of
 * each event is the record's simple name.
 */
public final class UserEvents {

  private UserEvents() {}

  /** Name or email changed. */
  public record UserUpdated(UUID userId, String email, String firstName, String lastName) {}

  /** Roles are sorted by name; the user's older tokens are cut off. */
  public record UserRoleChanged(UUID userId, List<Role> oldRoles, List<Role> newRoles) {}

  /** The user can no longer sign in; their live tokens are cut off. */
  public record UserDeactivated(UUID userId, String email, UUID teamId) {}

  public record UserReactivated(UUID userId, String email, UUID teamId) {}

  /** The user is gone for good; consumers drop or anonymise what they hold about them. */
  public record UserDeleted(UUID userId, String email, UUID teamId) {}
}
