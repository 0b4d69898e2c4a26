package com.chosencrm.user.team;

import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.UserResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Teams as clients see them. */
public final class TeamResponses {

  private TeamResponses() {}

  /** A team in the list. */
  public record TeamSummary(
      UUID id,
      String name,
      @Nullable UUID supervisorId,
      long memberCount,
      Instant createdAt,
      Instant updatedAt) {

    static TeamSummary of(Team team, long memberCount) {
      return new TeamSummary(
          team.id(),
          team.name(),
          team.supervisorId(),
          memberCount,
          team.createdAt(),
          team.updatedAt());
    }
  }

  /** A team with its members (the supervisor among them), by full name. */
  public record TeamResponse(
      UUID id,
      String name,
      @Nullable UUID supervisorId,
      List<TeamMember> members,
      Instant createdAt,
      Instant updatedAt) {

    static TeamResponse of(Team team, List<UserResponse> members) {
      return new TeamResponse(
          team.id(),
          team.name(),
          team.supervisorId(),
          members.stream().map(TeamMember::of).toList(),
          team.createdAt(),
          team.updatedAt());
    }
  }

  public record TeamMember(
      UUID id,
      String firstName,
      String lastName,
      String fullName,
      String email,
      List<Role> roles,
      boolean active) {

    static TeamMember of(UserResponse user) {
      return new TeamMember(
          user.id(),
          user.firstName(),
          user.lastName(),
          user.fullName(),
          user.email(),
          user.roles(),
          user.active());
    }
  }
}
