package com.chosencrm.user.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as other features of this service see it. Carries the password hash for the login check
 * only; never serialise it to a client.
 */
public record UserAccount(
    UUID id,
    UUID tenantId,
    String email,
    String firstName,
    String lastName,
    Set<Role> roles,
    UUID teamId,
    boolean active,
    String passwordHash,
    Instant createdAt,
    Instant updatedAt) {

  public String fullName() {
    return firstName + " " + lastName;
  }

  public Set<String> roleNames() {
    return roles.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public String toString() {
    return "UserAccount[id=" + id + ", tenantId=" + tenantId + ", roles=" + roles + "]";
  }
}
