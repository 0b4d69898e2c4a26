package com.chosencrm.user.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import com.jayway.jsonpath.JsonPath;
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

@UserServiceTest
class TeamControllerTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  Api api;
  ChangeRecords records;
  World world;
  World otherTenant;
  Member agent;
  Member supervisor;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, json);
    records = new ChangeRecords(jdbc, json);
    world = fixtures.newTenant();
    otherTenant = fixtures.newTenant();
    agent = fixtures.agent(world);
    supervisor = fixtures.supervisor(world);
  }

  // --- create ---

  @Test
  void whenAdminCreatesTeamWithSupervisor_thenSupervisorJoinsItAndItIsAnnounced() throws Exception {
    String response =
        mvc.perform(
                api.as(world.admin(), post("/api/teams"))
                    .content(api.body("name", " Closers ", "supervisorId", supervisor.id())))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", startsWith("/api/teams/")))
            .andExpect(jsonPath("$.name").value("Closers"))
            .andExpect(jsonPath("$.supervisorId").value(supervisor.id().toString()))
            .andExpect(jsonPath("$.members[*].id", contains(supervisor.id().toString())))
            .andExpect(jsonPath("$.members[0].passwordHash").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID team = UUID.fromString(JsonPath.read(response, "$.id"));

    mvc.perform(api.as(world.admin(), get("/api/users/{id}", supervisor.id())))
        .andExpect(jsonPath("$.teamId").value(team.toString()));
    JsonNode event = records.lastPayload("TeamChanged", team);
    assertThat(event.get("change").asString()).isEqualTo("CREATED");
    assertThat(event.get("name").asString()).isEqualTo("Closers");
    assertThat(event.get("supervisorId").asString()).isEqualTo(supervisor.id().toString());
    assertThat(records.ids(event.get("memberIds"))).containsExactly(supervisor.id().toString());
    assertThat(records.audit(world.tenantId(), "TEAM_CHANGED"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.actorId()).isEqualTo(world.admin().id());
              assertThat(row.targetId()).isEqualTo(team.toString());
            });
    // The supervisor's token still names no team; it must not outlive the change.
    mvc.perform(api.as(supervisor, get("/api/teams"))).andExpect(status().isUnauthorized());
  }

  @Test
  void whenTeamNameIsBlankOrTooLong_thenNameFieldError() throws Exception {
    for (String name : List.of(" ", "x".repeat(101))) {
      mvc.perform(api.as(world.admin(), post("/api/teams")).content(api.body("name", name)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
  }

  @Test
  void whenSupervisorIsAnAgentInactiveOrOfAnotherTenant_thenSupervisorIdFieldError()
      throws Exception {
    Member inactive = fixtures.supervisor(world);
    mvc.perform(api.as(world.admin(), post("/api/users/{id}/deactivate", inactive.id())))
        .andExpect(status().isOk());
    for (UUID candidate :
        List.of(agent.id(), inactive.id(), otherTenant.admin().id(), UUID.randomUUID())) {
      mvc.perform(
              api.as(world.admin(), post("/api/teams"))
                  .content(api.body("name", "Team " + candidate, "supervisorId", candidate)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("supervisorId"));
    }
    assertThat(records.audit(world.tenantId(), "TEAM_CHANGED")).isEmpty();
  }

  @Test
  void whenTeamNameIsTakenInAnyCase_thenConflict() throws Exception {
    UUID closers = api.createTeam(world.admin(), "Closers", null);
    UUID openers = api.createTeam(world.admin(), "Openers", null);
    mvc.perform(api.as(world.admin(), post("/api/teams")).content(api.body("name", "CLOSERS")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("A team named 'CLOSERS' already exists"));
    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}", openers))
                .content(api.body("name", "closers")))
        .andExpect(status().isConflict());
    // A team may change the case of its own name; another tenant may use the same name.
    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}", closers))
                .content(api.body("name", "CLOSERS")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("CLOSERS"));
    api.createTeam(otherTenant.admin(), "Closers", null);
  }

  // --- read ---

  @Test
  void whenAdminListsTeams_thenEveryTeamByNameWithMemberCounts() throws Exception {
    UUID zulu = api.createTeam(world.admin(), "Zulu", null);
    UUID alpha = api.createTeam(world.admin(), "alpha", supervisor.id());
    fixtures.member(world.tenantId(), Set.of(Role.AGENT), alpha, "agent");
    api.createTeam(otherTenant.admin(), "Elsewhere", null);

    mvc.perform(api.as(world.admin(), get("/api/teams")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].id", contains(alpha.toString(), zulu.toString())))
        .andExpect(jsonPath("$[0].memberCount").value(2))
        .andExpect(jsonPath("$[0].supervisorId").value(supervisor.id().toString()))
        .andExpect(jsonPath("$[1].memberCount").value(0));
  }

  @Test
  void whenSupervisorOrAgentListsTeams_thenOnlyTheirOwn() throws Exception {
    UUID mine = api.createTeam(world.admin(), "Mine", null);
    api.createTeam(world.admin(), "Theirs", null);
    Member teamSupervisor =
        fixtures.member(world.tenantId(), Set.of(Role.SUPERVISOR), mine, "supervisor");
    Member teamAgent = fixtures.member(world.tenantId(), Set.of(Role.AGENT), mine, "agent");

    for (Member member : List.of(teamSupervisor, teamAgent)) {
      mvc.perform(api.as(member, get("/api/teams")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[*].id", contains(mine.toString())))
          .andExpect(jsonPath("$[0].memberCount").value(2));
    }
    mvc.perform(api.as(agent, get("/api/teams")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void whenMembersReadTheirOwnTeam_thenMembersIncluded_andAnyOtherTeamIsNotFound()
      throws Exception {
    UUID mine = api.createTeam(world.admin(), "Mine", null);
    UUID theirs = api.createTeam(world.admin(), "Theirs", null);
    Member teamSupervisor =
        fixtures.member(world.tenantId(), Set.of(Role.SUPERVISOR), mine, "supervisor");
    Member teamAgent = fixtures.member(world.tenantId(), Set.of(Role.AGENT), mine, "agent");

    for (Member reader : List.of(world.admin(), teamSupervisor, teamAgent)) {
      mvc.perform(api.as(reader, get("/api/teams/{id}", mine)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.name").value("Mine"))
          .andExpect(jsonPath("$.members.length()").value(2))
          .andExpect(jsonPath("$.members[0].email").isNotEmpty());
    }
    for (Member outsider : List.of(teamSupervisor, teamAgent, agent)) {
      mvc.perform(api.as(outsider, get("/api/teams/{id}", theirs)))
          .andExpect(status().isNotFound());
    }
  }

  @Test
  void whenReadingTeamsWithoutTokenOrFromAnotherTenant_thenUnauthorizedOrNotFound()
      throws Exception {
    UUID team = api.createTeam(world.admin(), "Private", null);
    EndpointSecurity.of(mvc, () -> get("/api/teams")).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> get("/api/teams/{id}", team))
        .rejectsMissingToken()
        .hidesFrom(otherTenant.admin().token());
    mvc.perform(api.as(otherTenant.admin(), get("/api/teams")))
        .andExpect(jsonPath("$.length()").value(0));
  }

  // --- update ---

  @Test
  void whenAdminUpdatesTeam_thenRenamedWithNewSupervisorAndAnnounced() throws Exception {
    UUID team = api.createTeam(world.admin(), "Old Name", supervisor.id());
    Member successor = fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "successor");

    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}", team))
                .content(api.body("name", "New Name", "supervisorId", successor.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("New Name"))
        .andExpect(jsonPath("$.supervisorId").value(successor.id().toString()))
        // The former supervisor stays in the team.
        .andExpect(jsonPath("$.members.length()").value(2));

    JsonNode event = records.lastPayload("TeamChanged", team);
    assertThat(event.get("change").asString()).isEqualTo("UPDATED");
    assertThat(event.get("name").asString()).isEqualTo("New Name");
    assertThat(records.ids(event.get("memberIds")))
        .containsExactlyInAnyOrder(supervisor.id().toString(), successor.id().toString());
    assertThat(records.audit(world.tenantId(), "TEAM_CHANGED")).hasSize(2);

    mvc.perform(
            api.as(world.admin(), put("/api/teams/{id}", team))
                .content(api.body("name", "New Name", "supervisorId", null)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supervisorId").doesNotExist());
  }

  @Test
  void whenUpdatingTeamWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() throws Exception {
    UUID team = api.createTeam(world.admin(), "Guarded", null);
    Member teamSupervisor =
        fixtures.member(world.tenantId(), Set.of(Role.SUPERVISOR), team, "supervisor");
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/teams/{id}", team)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(api.body("name", "Hijacked")))
        .rejectsMissingToken()
        .forbids(teamSupervisor.token())
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
  }

  @Test
  void whenCreatingTeamWithoutTokenOrAsNonAdmin_thenRejected() {
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/teams")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(api.body("name", "Shadow Team")))
        .rejectsMissingToken()
        .forbids(supervisor.token())
        .forbids(agent.token());
  }

  // --- delete ---

  @Test
  void whenAdminDeletesTeam_thenMembersAreLeftWithoutTeamAndItIsAnnounced() throws Exception {
    UUID team = api.createTeam(world.admin(), "Doomed", supervisor.id());
    Member member = fixtures.member(world.tenantId(), Set.of(Role.AGENT), team, "agent");

    mvc.perform(api.as(world.admin(), delete("/api/teams/{id}", team)))
        .andExpect(status().isNoContent());

    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", team)))
        .andExpect(status().isNotFound());
    for (Member former : List.of(supervisor, member)) {
      mvc.perform(api.as(world.admin(), get("/api/users/{id}", former.id())))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.teamId").doesNotExist());
    }
    JsonNode event = records.lastPayload("TeamChanged", team);
    assertThat(event.get("change").asString()).isEqualTo("DELETED");
    assertThat(records.ids(event.get("memberIds")))
        .containsExactlyInAnyOrder(supervisor.id().toString(), member.id().toString());
    // Their tokens name a team that no longer exists.
    mvc.perform(api.as(member, get("/api/teams"))).andExpect(status().isUnauthorized());
  }

  @Test
  void whenDeletingTeamWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() throws Exception {
    UUID team = api.createTeam(world.admin(), "Survivor", null);
    EndpointSecurity.of(mvc, () -> delete("/api/teams/{id}", team))
        .rejectsMissingToken()
        .forbids(supervisor.token())
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
    mvc.perform(api.as(world.admin(), get("/api/teams/{id}", team))).andExpect(status().isOk());
  }
}
