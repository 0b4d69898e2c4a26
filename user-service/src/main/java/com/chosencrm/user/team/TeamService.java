package com.chosencrm.user.team;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.team.TeamChanged.Change;
import com.chosencrm.user.team.TeamRequests.CreateTeamRequest;
import com.chosencrm.user.team.TeamRequests.TeamMembersRequest;
import com.chosencrm.user.team.TeamRequests.UpdateTeamRequest;
import com.chosencrm.user.team.TeamRequests.UserTeamRequest;
import com.chosencrm.user.team.TeamResponses.TeamResponse;
import com.chosencrm.user.team.TeamResponses.TeamSummary;
import com.chosencrm.user.user.AuditActors;
import com.chosencrm.user.user.Memberships;
import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.TeamDirectory;
import com.chosencrm.user.user.UserResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of a tenant and who is in them. A user is in at most one team; a team's supervisor is one
 * of its members. Moving a user out of a team they supervise leaves that team without a supervisor.
 * Every team whose name, supervisor or members change is audited and announced as {@link
 * TeamChanged} in the same transaction.
 */
@Service
@Transactional
public class TeamService implements TeamDirectory {

  private static final String TEAM = "team";

  private final TeamRepository teams;
  private final Memberships memberships;
  private final EventPublisher events;
  private final AuditLog audit;
  private final AuditActors actors;

  TeamService(
      TeamRepository teams,
      Memberships memberships,
      EventPublisher events,
      AuditLog audit,
      AuditActors actors) {
    this.teams = teams;
    this.memberships = memberships;
    this.events = events;
    this.audit = audit;
    this.actors = actors;
  }

  /** Admins: every team of the tenant. Anyone else: the team of their token, if any. */
  @Transactional(readOnly = true)
  public List<TeamSummary> list(CurrentUser caller) {
    UUID tenantId = caller.tenantId();
    List<Team> visible =
        caller.isAdmin()
            ? teams.findByTenantOrderedByName(tenantId)
            : caller.teamId() == null
                ? List.of()
                : teams.findByIdAndTenantId(caller.teamId(), tenantId).stream().toList();
    Map<UUID, Long> counts = memberships.memberCounts(tenantId);
    return visible.stream()
        .map(team -> TeamSummary.of(team, counts.getOrDefault(team.id(), 0L)))
        .toList();
  }

  /**
   * @throws NotFoundException if the team is missing, another tenant's, or not the caller's own
   *     team while the caller is no admin
   */
  @Transactional(readOnly = true)
  public TeamResponse get(CurrentUser caller, UUID id) {
    // Non-admins may look only at the team of their token; any other id is as good as missing.
    boolean visible = caller.isAdmin() || id.equals(caller.teamId());
    Optional<Team> team =
        visible ? teams.findByIdAndTenantId(id, caller.tenantId()) : Optional.empty();
    return details(team.orElseThrow(() -> new NotFoundException("Team", id)));
  }

  public TeamResponse create(CurrentUser admin, CreateTeamRequest request) {
    UUID tenantId = admin.tenantId();
    String name = request.name().strip();
    if (teams.nameTaken(tenantId, name)) {
      throw nameConflict(name);
    }
    Team team = teams.save(new Team(tenantId, name));
    Set<UUID> othersChanged = new LinkedHashSet<>();
    if (request.supervisorId() != null) {
      appoint(team, request.supervisorId(), othersChanged);
    }
    record(
        admin,
        team.id(),
        auditDetails("change", Change.CREATED, "name", name, "supervisorId", team.supervisorId()));
    announce(team, Change.CREATED);
    announce(tenantId, othersChanged, Change.MEMBERS_CHANGED);
    return details(team);
  }

  /** Replaces name and supervisor. The previous supervisor stays a member. */
  public TeamResponse update(CurrentUser admin, UUID id, UpdateTeamRequest request) {
    UUID tenantId = admin.tenantId();
    Team team = find(tenantId, id);
    String oldName = team.name();
    UUID oldSupervisor = team.supervisorId();
    String name = request.name().strip();
    if (!name.equals(oldName)) {
      if (teams.nameTakenByAnotherTeam(tenantId, name, id)) {
        throw nameConflict(name);
      }
      team.rename(name);
    }
    Set<UUID> othersChanged = new LinkedHashSet<>();
    if (!Objects.equals(oldSupervisor, request.supervisorId())) {
      if (request.supervisorId() == null) {
        team.appoint(null);
      } else {
        appoint(team, request.supervisorId(), othersChanged);
      }
    }
    if (name.equals(oldName) && Objects.equals(oldSupervisor, team.supervisorId())) {
      return details(team);
    }
    record(
        admin,
        id,
        auditDetails(
            "change", Change.UPDATED,
            "oldName", oldName,
            "newName", name,
            "oldSupervisorId", oldSupervisor,
            "newSupervisorId", team.supervisorId()));
    announce(team, Change.UPDATED);
    announce(tenantId, othersChanged, Change.MEMBERS_CHANGED);
    return details(team);
  }

  /** Deletes the team; its members are left without a team. */
  public void delete(CurrentUser admin, UUID id) {
    UUID tenantId = admin.tenantId();
    Team team = find(tenantId, id);
    List<UUID> formerMembers = memberships.removeAllFromTeam(tenantId, id);
    teams.delete(team);
    record(
        admin,
        id,
        auditDetails(
            "change", Change.DELETED, "name", team.name(), "formerMemberIds", formerMembers));
    events.publish(
        TeamChanged.TYPE,
        tenantId,
        id,
        new TeamChanged(id, team.name(), team.supervisorId(), formerMembers, Change.DELETED));
  }

  /**
   * Sets the complete member list. Users taken from another team leave it (and stop supervising
   * it).
   */
  public TeamResponse setMembers(CurrentUser admin, UUID id, TeamMembersRequest request) {
    UUID tenantId = admin.tenantId();
    Team team = find(tenantId, id);
    Set<UUID> wanted = new LinkedHashSet<>(request.memberIds());
    if (team.supervisorId() != null && !wanted.contains(team.supervisorId())) {
      throw InvalidRequestException.field(
          "memberIds",
          "The team's supervisor must stay a member; appoint another supervisor first");
    }
    List<UserResponse> found = memberships.usersOfTenant(tenantId, wanted);
    if (found.size() != wanted.size()) {
      throw InvalidRequestException.field("memberIds", "Some of these users do not exist");
    }
    Set<UUID> current = new HashSet<>();
    memberships.members(tenantId, id).forEach(member -> current.add(member.id()));
    List<UUID> removed = current.stream().filter(member -> !wanted.contains(member)).toList();
    List<UserResponse> added = found.stream().filter(u -> !current.contains(u.id())).toList();
    if (removed.isEmpty() && added.isEmpty()) {
      return details(team);
    }
    Set<UUID> othersChanged = new LinkedHashSet<>();
    removed.forEach(member -> memberships.moveToTeam(tenantId, member, null));
    for (UserResponse user : added) {
      leave(tenantId, user.id(), user.teamId(), id, othersChanged);
      memberships.moveToTeam(tenantId, user.id(), id);
    }
    record(
        admin,
        id,
        auditDetails(
            "change",
            Change.MEMBERS_CHANGED,
            "added",
            added.stream().map(UserResponse::id).toList(),
            "removed",
            removed));
    announce(team, Change.MEMBERS_CHANGED);
    announce(tenantId, othersChanged, Change.MEMBERS_CHANGED);
    return details(team);
  }

  /** Moves one user into a team, or out of any with a null team id. */
  public UserResponse moveUser(CurrentUser admin, UUID userId, UserTeamRequest request) {
    UUID tenantId = admin.tenantId();
    UUID teamId = request.teamId();
    UserResponse user =
        memberships.usersOfTenant(tenantId, List.of(userId)).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("User", userId));
    if (teamId != null && !teams.existsByIdAndTenantId(teamId, tenantId)) {
      throw InvalidRequestException.field("teamId", "There is no such team");
    }
    if (Objects.equals(user.teamId(), teamId)) {
      return user;
    }
    Set<UUID> changed = new LinkedHashSet<>();
    leave(tenantId, userId, user.teamId(), teamId, changed);
    UserResponse moved = memberships.moveToTeam(tenantId, userId, teamId);
    if (teamId != null) {
      changed.add(teamId);
    }
    audit.record(
        tenantId,
        actors.of(admin),
        AuditAction.TEAM_CHANGED,
        "user",
        userId,
        auditDetails(
            "change", Change.MEMBERS_CHANGED, "fromTeamId", user.teamId(), "toTeamId", teamId));
    announce(tenantId, changed, Change.MEMBERS_CHANGED);
    return moved;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isTeamOfTenant(UUID tenantId, UUID teamId) {
    return teams.existsByIdAndTenantId(teamId, tenantId);
  }

  @Override
  public void releaseSupervisor(UUID tenantId, UUID userId) {
    for (Team team : teams.findByTenantIdAndSupervisorId(tenantId, userId)) {
      team.appoint(null);
      announce(team, Change.UPDATED);
    }
  }

  /**
   * Makes the user the team's supervisor and thereby a member of it, so that their token's team
   * claim is this team.
   */
  private void appoint(Team team, UUID supervisorId, Set<UUID> othersChanged) {
    UserResponse supervisor =
        memberships.usersOfTenant(team.tenantId(), List.of(supervisorId)).stream()
            .findFirst()
            .filter(UserResponse::active)
            .filter(u -> u.roles().contains(Role.SUPERVISOR) || u.roles().contains(Role.ADMIN))
            .orElseThrow(
                () ->
                    InvalidRequestException.field(
                        "supervisorId", "Choose an active user with the SUPERVISOR or ADMIN role"));
    leave(team.tenantId(), supervisorId, supervisor.teamId(), team.id(), othersChanged);
    memberships.moveToTeam(team.tenantId(), supervisorId, team.id());
    team.appoint(supervisorId);
  }

  /**
   * The user is about to belong to {@code newTeamId} (null: to none): their former team loses a
   * member, and any other team they supervise loses its supervisor.
   */
  private void leave(
      UUID tenantId, UUID userId, UUID formerTeamId, UUID newTeamId, Set<UUID> changed) {
    if (formerTeamId != null && !formerTeamId.equals(newTeamId)) {
      changed.add(formerTeamId);
    }
    for (Team supervised : teams.findByTenantIdAndSupervisorId(tenantId, userId)) {
      if (!supervised.id().equals(newTeamId)) {
        supervised.appoint(null);
        changed.add(supervised.id());
      }
    }
  }

  private Team find(UUID tenantId, UUID id) {
    return teams
        .findByIdAndTenantId(id, tenantId)
        .orElseThrow(() -> new NotFoundException("Team", id));
  }

  private TeamResponse details(Team team) {
    return TeamResponse.of(team, memberships.members(team.tenantId(), team.id()));
  }

  private void announce(UUID tenantId, Set<UUID> teamIds, Change change) {
    for (UUID teamId : teamIds) {
      teams.findByIdAndTenantId(teamId, tenantId).ifPresent(team -> announce(team, change));
    }
  }

  private void announce(Team team, Change change) {
    List<UUID> memberIds =
        memberships.members(team.tenantId(), team.id()).stream().map(UserResponse::id).toList();
    events.publish(
        TeamChanged.TYPE,
        team.tenantId(),
        team.id(),
        new TeamChanged(team.id(), team.name(), team.supervisorId(), memberIds, change));
  }

  private void record(CurrentUser admin, UUID teamId, Map<String, Object> details) {
    audit.record(
        admin.tenantId(), actors.of(admin), AuditAction.TEAM_CHANGED, TEAM, teamId, details);
  }

  private static ConflictException nameConflict(String name) {
    return new ConflictException("A team named '" + name + "' already exists");
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
