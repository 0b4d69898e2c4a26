package com.chosencrm.user.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.user.Api;
import com.chosencrm.user.user.ChangeRecords;
import com.chosencrm.user.user.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is in which team: {@code PUT /api/teams/{id}/members} and {@code PUT /api/users/{id}/team},
 * and how a team's supervisor follows changes to that user.
 */
@UserServiceTest
class TeamMembershipTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  Api api;
  ChangeRecords records;
  World world;
  World otherTenant;
  Member supervisor;
  UUID team;
  UUID otherTeam;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(mvc, json);
    records = new ChangeRecords(jdbc, json);
    world = fixtures.newTenant();
    otherTenant = fixtures.newTenant();
    supervisor = fixtures.supervisor(world);
    team = api.createTeam(world.admin(), "Closers", supervisor.id());
    otherTeam = api.createTeam(world.admin(), "Openers", null);
  }

  // --- PUT /api/teams/{id}/members ---

  @Test
  void whenAdminSetsMembers_thenNewOnesJoinLeftOutOnesLeaveAndItIsAnnounced() throws Exception {
    Member staying = member(team);
    Member leaving = member(team);
    Member joining = fixtures.agent(world);

    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}/members", team))
                .content(
                    api.body("memberIds", List.of(supervisor.id(), staying.id(), joining.id()))))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.members[*].id",
                containsInAnyOrder(
                    supervisor.id().toString(), staying.id().toString(), joining.id().toString())));

    assertTeamOf(leaving, null);
    assertTeamOf(joining, team);
    JsonNode event = records.lastPayload("TeamChanged", team);
    assertThat(event.get("change").asString()).isEqualTo("MEMBERS_CHANGED");
    assertThat(records.ids(event.get("memberIds")))
        .containsExactlyInAnyOrder(
            supervisor.id().toString(), staying.id().toString(), joining.id().toString());
    JsonNode audit = records.audit(world.tenantId(), "TEAM_CHANGED").getLast().details();
    assertThat(records.ids(audit.get("added"))).containsExactly(joining.id().toString());
    assertThat(records.ids(audit.get("removed"))).containsExactly(leaving.id().toString());
    // Only those whose team changed lose their tokens.
    mvc.perform(api.as(staying, get("/api/teams/{id}", team))).andExpect(status().isOk());
    mvc.perform(api.as(joining, get("/api/teams"))).andExpect(status().isUnauthorized());
  }

  @Test
  void whenAMemberIsTakenFromAnotherTeam_thenThatTeamLosesThemAndIsAnnouncedToo() throws Exception {
    Member otherSupervisor = fixtures.supervisor(world);
    UUID third = api.createTeam(world.admin(), "Third", otherSupervisor.id());

    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}/members", team))
                .content(api.body("memberIds", List.of(supervisor.id(), otherSupervisor.id()))))
        .andExpect(status().isOk());

    assertTeamOf(otherSupervisor, team);
    JsonNode thirdEvent = records.lastPayload("TeamChanged", third);
    assertThat(thirdEvent.get("change").asString()).isEqualTo("MEMBERS_CHANGED");
    assertThat(thirdEvent.get("memberIds").size()).isZero();
    // Having left, they no longer supervise it.
    assertThat(thirdEvent.get("supervisorId").isNull()).isTrue();
    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", third)))
        .andExpect(jsonPath("$.supervisorId").doesNotExist());
  }

  @Test
  void whenMemberListLeavesOutTheSupervisor_thenMemberIdsFieldError() throws Exception {
    Member agent = member(team);
    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}/members", team))
                .content(api.body("memberIds", List.of(agent.id()))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberIds"));
    assertTeamOf(supervisor, team);
  }

  @Test
  void whenAMemberIsNoUserOfTheTenant_thenMemberIdsFieldError() throws Exception {
    for (UUID stranger : List.of(otherTenant.admin().id(), UUID.randomUUID())) {
      mvc.perform(
              api.as(world.admin(), put("/api/teams/{id}/members", team))
                  .content(api.body("memberIds", List.of(supervisor.id(), stranger))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("memberIds"));
    }
    mvc.perform(api.as(otherTenant.admin(), get("/api/users/{id}", otherTenant.admin().id())))
        .andExpect(jsonPath("$.teamId").doesNotExist());
  }

  @Test
  void whenMemberListIsMissing_thenMemberIdsFieldError() throws Exception {
    mvc.perform(api.as(world.admin(), put("/api/teams/{id}/members", team)).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberIds"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("List the members; an empty list empties the team"));
  }

  @Test
  void whenSettingMembersWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() throws Exception {
    Member teamSupervisor = member(team, Role.SUPERVISOR);
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/teams/{id}/members", team)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(api.body("memberIds", List.of(supervisor.id()))))
        .rejectsMissingToken()
        .forbids(teamSupervisor.token())
        .forbids(member(team).token())
        .hidesFrom(otherTenant.admin().token());
    assertTeamOf(teamSupervisor, team);
  }

  // --- PUT /api/users/{id}/team ---

  @Test
  void whenAdminMovesUserToAnotherTeam_thenBothTeamsAreAnnounced() throws Exception {
    Member agent = member(team);

    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/team", agent.id()))
                .content(api.body("teamId", otherTeam)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(agent.id().toString()))
        .andExpect(jsonPath("$.teamId").value(otherTeam.toString()))
        .andExpect(jsonPath("$.passwordHash").doesNotExist());

    JsonNode from = records.lastPayload("TeamChanged", team);
    JsonNode to = records.lastPayload("TeamChanged", otherTeam);
    assertThat(from.get("change").asString()).isEqualTo("MEMBERS_CHANGED");
    assertThat(records.ids(from.get("memberIds"))).containsExactly(supervisor.id().toString());
    assertThat(records.ids(to.get("memberIds"))).containsExactly(agent.id().toString());
    JsonNode audit = records.audit(world.tenantId(), "TEAM_CHANGED").getLast().details();
    assertThat(audit.get("fromTeamId").asString()).isEqualTo(team.toString());
    assertThat(audit.get("toTeamId").asString()).isEqualTo(otherTeam.toString());
    mvc.perform(api.as(agent, get("/api/teams"))).andExpect(status().isUnauthorized());
  }

  @Test
  void whenAdminTakesUserOutOfTheirTeam_thenTheyHaveNone() throws Exception {
    Member agent = member(team);
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/team", agent.id()))
                .content(api.body("teamId", null)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.teamId").doesNotExist());
    assertTeamOf(agent, null);
  }

  @Test
  void whenTheSupervisorIsMovedOut_thenTheirFormerTeamHasNoSupervisor() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/team", supervisor.id()))
                .content(api.body("teamId", otherTeam)))
        .andExpect(status().isOk());
    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", team)))
        .andExpect(jsonPath("$.supervisorId").doesNotExist())
        .andExpect(jsonPath("$.members.length()").value(0));
    assertThat(records.lastPayload("TeamChanged", team).get("supervisorId").isNull()).isTrue();
  }

  @Test
  void whenTargetTeamIsAnotherTenants_thenTeamIdFieldError() throws Exception {
    UUID foreignTeam = api.createTeam(otherTenant.admin(), "Foreign", null);
    Member agent = member(team);
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/team", agent.id()))
                .content(api.body("teamId", foreignTeam)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("teamId"));
    assertTeamOf(agent, team);
  }

  @Test
  void whenMovingUserWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() throws Exception {
    Member agent = member(team);
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/users/{id}/team", agent.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(api.body("teamId", null)))
        .rejectsMissingToken()
        .forbids(agent.token())
        .forbids(member(team, Role.SUPERVISOR).token())
        .hidesFrom(otherTenant.admin().token());
    assertTeamOf(agent, team);
  }

  // --- the supervisor follows the user ---

  @Test
  void whenTheSupervisorLosesTheRole_thenTheirTeamHasNoSupervisor() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/roles", supervisor.id()))
                .content(api.body("roles", List.of("AGENT"))))
        .andExpect(status().isOk());
    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", team)))
        .andExpect(jsonPath("$.supervisorId").doesNotExist())
        .andExpect(jsonPath("$.members[0].id").value(supervisor.id().toString()));
    JsonNode event = records.lastPayload("TeamChanged", team);
    assertThat(event.get("change").asString()).isEqualTo("UPDATED");
    assertThat(event.get("supervisorId").isNull()).isTrue();
  }

  @Test
  void whenTheSupervisorIsDeleted_thenTheirTeamHasNoSupervisor() throws Exception {
    mvc.perform(api.as(world.admin(), delete("/api/users/{id}", supervisor.id())))
        .andExpect(status().isNoContent());
    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supervisorId").doesNotExist())
        .andExpect(jsonPath("$.members.length()").value(0));
    assertThat(records.lastPayload("TeamChanged", team).get("supervisorId").isNull()).isTrue();
  }

  private Member member(UUID teamId) {
    return member(teamId, Role.AGENT);
  }

  private Member member(UUID teamId, Role role) {
    return fixtures.member(world.tenantId(), Set.of(role), teamId, role.name().toLowerCase());
  }

  private void assertTeamOf(Member member, UUID teamId) throws Exception {
    mvc.perform(api.as(world.admin(), get("/api/users/{id}", member.id())))
        .andExpect(status().isOk())
        .andExpect(
            teamId == null
                ? jsonPath("$.teamId").doesNotExist()
                : jsonPath("$.teamId").value(teamId.toString()));
  }
}
