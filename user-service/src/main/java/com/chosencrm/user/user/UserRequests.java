package com.chosencrm.user.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The bodies clients send to {@code /api/users}. */
public final class UserRequests {

  // Control characters would break the cursor encoding and have no place in a name anyway.
  static final String PRINTABLE = "[^\\p{Cntrl}]*";

  // Roles arrive as strings so that a wrong one is a field error a user can read, not a JSON error.
  static final String GRANTABLE_ROLE = "ADMIN|SUPERVISOR|AGENT";
  static final String GRANTABLE_ROLE_MESSAGE = "Roles can be ADMIN, SUPERVISOR or AGENT";

  private UserRequests() {}

  public record CreateUserRequest(
      @NotBlank(message = "Email is required")
          @Email(message = "Email must be a valid email address")
          @Size(max = 254, message = "Email must be at most 254 characters")
          String email,
      @NotBlank(message = "First name is required")
          @Size(max = 100, message = "First name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "First name must not contain control characters")
          String firstName,
      @NotBlank(message = "Last name is required")
          @Size(max = 100, message = "Last name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "Last name must not contain control characters")
          String lastName,
      @NotBlank(message = "An initial password is required") String password,
      @NotEmpty(message = "Choose at least one role")
          Set<
                  @NotNull(message = GRANTABLE_ROLE_MESSAGE)
                  @Pattern(regexp = GRANTABLE_ROLE, message = GRANTABLE_ROLE_MESSAGE) String>
              roles,
      UUID teamId) {

    Set<Role> grantedRoles() {
      return toRoles(roles);
    }
  }

  /** Replaces the user's profile. Roles and team have their own endpoints and rules. */
  public record UpdateUserRequest(
      @NotBlank(message = "Email is required")
          @Email(message = "Email must be a valid email address")
          @Size(max = 254, message = "Email must be at most 254 characters")
          String email,
      @NotBlank(message = "First name is required")
          @Size(max = 100, message = "First name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "First name must not contain control characters")
          String firstName,
      @NotBlank(message = "Last name is required")
          @Size(max = 100, message = "Last name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "Last name must not contain control characters")
          String lastName) {}

  public record ChangeRolesRequest(
      @NotEmpty(message = "Choose at least one role")
          Set<
                  @NotNull(message = GRANTABLE_ROLE_MESSAGE)
                  @Pattern(regexp = GRANTABLE_ROLE, message = GRANTABLE_ROLE_MESSAGE) String>
              roles) {

    Set<Role> grantedRoles() {
      return toRoles(roles);
    }
  }

  public record ChangePasswordRequest(
      @NotBlank(message = "Enter your current password") String currentPassword,
      @NotBlank(message = "Enter a new password") String newPassword) {}

  private static Set<Role> toRoles(Set<String> names) {
    return names.stream()
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }
}
