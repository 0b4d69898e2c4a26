package com.chosencrm.user.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The bodies clients send to change teams and memberships. */
public final class TeamRequests {

  static final String PRINTABLE = "[^\\p{Cntrl}]*";

  private TeamRequests() {}

  /**
   * @param supervisorId optional: an active user holding the SUPERVISOR or ADMIN role, who thereby
   *     becomes a member of the team
   */
  public record CreateTeamRequest(
      @NotBlank(message = "Team name is required")
          @Size(max = 100, message = "Team name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "Team name must not contain control characters")
          String name,
      UUID supervisorId) {}

  /** Replaces name and supervisor; a null supervisor leaves the team without one. */
  public record UpdateTeamRequest(
      @NotBlank(message = "Team name is required")
          @Size(max = 100, message = "Team name must be at most 100 characters")
          @Pattern(regexp = PRINTABLE, message = "Team name must not contain control characters")
          String name,
      UUID supervisorId) {}

  /** The complete member list; users left out are no longer in the team. */
  public record TeamMembersRequest(
      @NotNull(message = "List the members; an empty list empties the team")
          @Size(max = 500, message = "A team can have at most 500 members")
          List<@NotNull(message = "Member ids must not be null") UUID> memberIds) {}

  /** The user's team, or null for none. */
  public record UserTeamRequest(UUID teamId) {}
}
