package com.chosencrm.user.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
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
import com.chosencrm.user.user.ChangeRecords.AuditRow;
import java.util.List;
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
class UserControllerTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  Api api;
  ChangeRecords records;
  World world;
  World otherTenant;
  Member agent;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, json);
    records = new ChangeRecords(jdbc, json);
    world = fixtures.newTenant();
    otherTenant = fixtures.newTenant();
    agent = fixtures.agent(world);
  }

  // --- create ---

  @Test
  void whenAdminCreatesUser_thenCreatedAuditedAndAnnouncedWithoutPasswordHash() throws Exception {
    String response =
        mvc.perform(
                api.as(world.admin(), post("/api/users"))
                    .content(
                        api.body(
                            "email", "Jane.Roe@Example.TEST",
                            "firstName", "Jane",
                            "lastName", "Roe",
                            "password", Api.PASSWORD,
                            "roles", List.of("SUPERVISOR", "AGENT"))))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/users/")))
            .andExpect(jsonPath("$.email").value("jane.roe@example.test"))
            .andExpect(jsonPath("$.fullName").value("Jane Roe"))
            .andExpect(jsonPath("$.roles", contains("AGENT", "SUPERVISOR")))
            .andExpect(jsonPath("$.active").value(true))
            .andExpect(jsonPath("$.teamId").doesNotExist())
            .andExpect(jsonPath("$.passwordHash").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID id = UUID.fromString(com.jayway.jsonpath.JsonPath.read(response, "$.id"));

    mvc.perform(api.as(world.admin(), get("/api/users/{id}", id)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value("jane.roe@example.test"))
        .andExpect(jsonPath("$.passwordHash").doesNotExist());
    assertThat(records.lastPayload("UserCreated", id).get("email").asString())
        .isEqualTo("jane.roe@example.test");
    List<AuditRow> audit = records.audit(world.tenantId(), "USER_CREATED");
    assertThat(audit).singleElement().satisfies(row -> assertActor(row, world.admin(), id));
  }

  @Test
  void whenCreateBodyIsInvalid_thenEveryBadFieldIsReported() throws Exception {
    mvc.perform(
            api.as(world.admin(), post("/api/users"))
                .content(api.body("email", "not-an-email", "roles", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                contains("email", "firstName", "lastName", "password", "roles")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'roles')].message").value("Choose at least one role"));
  }

  @Test
  void whenCreateGrantsPlatformAdminOrAnUnknownRole_thenRolesFieldError() throws Exception {
    for (String role : List.of("PLATFORM_ADMIN", "WIZARD")) {
      mvc.perform(
              api.as(world.admin(), post("/api/users"))
                  .content(newUser("someone-" + role.toLowerCase() + "@example.test", role)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("roles")))
          .andExpect(
              jsonPath("$.errors[0].message").value("Roles can be ADMIN, SUPERVISOR or AGENT"));
    }
  }

  @Test
  void whenInitialPasswordBreaksThePolicy_thenPasswordFieldError() throws Exception {
    for (String weak : List.of("Short-1", "No-Digits-At-All", "mary.major-2024x")) {
      mvc.perform(
              api.as(world.admin(), post("/api/users"))
                  .content(
                      api.body(
                          "email", "mary.major@example.test",
                          "firstName", "Mary",
                          "lastName", "Major",
                          "password", weak,
                          "roles", List.of("AGENT"))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("password"));
    }
  }

  @Test
  void whenEmailIsTakenInAnyTenant_thenConflict() throws Exception {
    mvc.perform(
            api.as(world.admin(), post("/api/users"))
                .content(newUser(otherTenant.admin().email().toUpperCase(), "AGENT")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/conflict"));
  }

  @Test
  void whenTeamBelongsToAnotherTenant_thenTeamIdFieldError() throws Exception {
    UUID foreignTeam = api.createTeam(otherTenant.admin(), "Foreign", null);
    mvc.perform(
            api.as(world.admin(), post("/api/users"))
                .content(
                    api.body(
                        "email",
                        "new.hire@example.test",
                        "firstName",
                        "New",
                        "lastName",
                        "Hire",
                        "password",
                        Api.PASSWORD,
                        "roles",
                        List.of("AGENT"),
                        "teamId",
                        foreignTeam)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("teamId"));
  }

  @Test
  void whenAdminCreatesUserInTeam_thenUserIsInIt() throws Exception {
    UUID team = api.createTeam(world.admin(), "Closers", null);
    UUID id =
        api.createUser(
            world.admin(), "Team", "Player", "team.player@example.test", List.of("AGENT"), team);
    mvc.perform(api.as(world.admin(), get("/api/users/{id}", id)))
        .andExpect(jsonPath("$.teamId").value(team.toString()));
  }

  @Test
  void whenCreatingWithoutTokenOrAsNonAdmin_thenUnauthorizedOrForbidden() {
    Member supervisor = fixtures.supervisor(world);
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(newUser("valid.user@example.test", "AGENT")))
        .rejectsMissingToken()
        .forbids(agent.token())
        .forbids(supervisor.token());
  }

  // --- read ---

  @Test
  void whenReadingWithoutTokenOrFromAnotherTenant_thenUnauthorizedOrNotFound() {
    EndpointSecurity.of(mvc, () -> get("/api/users/{id}", agent.id()))
        .rejectsMissingToken()
        .hidesFrom(otherTenant.admin().token());
  }

  // --- update ---

  @Test
  void whenAdminUpdatesProfile_thenChangedAuditedAndAnnounced() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}", agent.id()))
                .content(
                    api.body(
                        "email", "Renamed.Agent@Example.test",
                        "firstName", " Renamed ",
                        "lastName", "Agent")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value("renamed.agent@example.test"))
        .andExpect(jsonPath("$.fullName").value("Renamed Agent"))
        .andExpect(jsonPath("$.roles", contains("AGENT")));

    JsonNode event = records.lastPayload("UserUpdated", agent.id());
    assertThat(event.get("email").asString()).isEqualTo("renamed.agent@example.test");
    assertThat(event.get("firstName").asString()).isEqualTo("Renamed");
    assertThat(records.audit(world.tenantId(), "USER_UPDATED"))
        .singleElement()
        .satisfies(row -> assertActor(row, world.admin(), agent.id()));
  }

  @Test
  void whenUpdateBodyIsInvalid_thenFieldErrors() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}", agent.id()))
                .content(api.body("email", "", "firstName", "x".repeat(101), "lastName", " ")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("lastName")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'firstName')].message")
                .value("First name must be at most 100 characters"));
  }

  @Test
  void whenUpdatingToAnEmailTakenByAnotherUser_thenConflict() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}", agent.id()))
                .content(
                    api.body("email", world.admin().email(), "firstName", "A", "lastName", "Gent")))
        .andExpect(status().isConflict());
  }

  @Test
  void whenUpdatingWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() {
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/users/{id}", agent.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        api.body("email", "x@example.test", "firstName", "X", "lastName", "Y")))
        .rejectsMissingToken()
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
  }

  // --- roles ---

  @Test
  void whenAdminChangesRoles_thenOldTokensStopWorkingAndTheChangeIsAnnounced() throws Exception {
    mvc.perform(api.as(agent, get("/api/users/{id}", agent.id()))).andExpect(status().isOk());

    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/roles", agent.id()))
                .content(api.body("roles", List.of("SUPERVISOR", "AGENT"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles", contains("AGENT", "SUPERVISOR")));

    JsonNode event = records.lastPayload("UserRoleChanged", agent.id());
    assertThat(records.ids(event.get("oldRoles"))).containsExactly("AGENT");
    assertThat(records.ids(event.get("newRoles"))).containsExactly("AGENT", "SUPERVISOR");
    assertThat(records.audit(world.tenantId(), "ROLES_CHANGED"))
        .singleElement()
        .satisfies(
            row -> {
              assertActor(row, world.admin(), agent.id());
              assertThat(records.ids(row.details().get("newRoles")))
                  .containsExactly("AGENT", "SUPERVISOR");
            });
    mvc.perform(api.as(agent, get("/api/users/{id}", agent.id())))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void whenRolesAreEmptyOrNotGrantable_thenRolesFieldError() throws Exception {
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/roles", agent.id()))
                .content(api.body("roles", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles"))
        .andExpect(jsonPath("$.errors[0].message").value("Choose at least one role"));
    mvc.perform(
            api.as(world.admin(), put("/api/users/{id}/roles", agent.id()))
                .content(api.body("roles", List.of("AGENT", "PLATFORM_ADMIN"))))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message").value("Roles can be ADMIN, SUPERVISOR or AGENT"));
    assertThat(records.events("UserRoleChanged", agent.id())).isEmpty();
  }

  @Test
  void whenChangingRolesWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() {
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/users/{id}/roles", agent.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(api.body("roles", List.of("ADMIN"))))
        .rejectsMissingToken()
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
  }

  // --- deactivate, reactivate ---

  @Test
  void whenAdminDeactivatesUser_thenTheirTokensStopWorkingAndItIsAnnounced() throws Exception {
    mvc.perform(api.as(world.admin(), post("/api/users/{id}/deactivate", agent.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.deactivatedAt").isNotEmpty());

    JsonNode event = records.lastPayload("UserDeactivated", agent.id());
    assertThat(event.get("userId").asString()).isEqualTo(agent.id().toString());
    assertThat(event.get("email").asString()).isEqualTo(agent.email());
    assertThat(event.has("teamId")).isTrue();
    assertThat(records.audit(world.tenantId(), "USER_DEACTIVATED")).hasSize(1);
    mvc.perform(api.as(agent, get("/api/users/{id}", agent.id())))
        .andExpect(status().isUnauthorized());

    // Deactivating again changes nothing and announces nothing.
    mvc.perform(api.as(world.admin(), post("/api/users/{id}/deactivate", agent.id())))
        .andExpect(status().isOk());
    assertThat(records.events("UserDeactivated", agent.id())).hasSize(1);
  }

  @Test
  void whenAdminReactivatesUser_thenActiveAgainAndAnnounced() throws Exception {
    mvc.perform(api.as(world.admin(), post("/api/users/{id}/deactivate", agent.id())))
        .andExpect(status().isOk());
    mvc.perform(api.as(world.admin(), post("/api/users/{id}/reactivate", agent.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.deactivatedAt").doesNotExist());

    assertThat(records.lastPayload("UserReactivated", agent.id()).get("email").asString())
        .isEqualTo(agent.email());
    assertThat(records.audit(world.tenantId(), "USER_REACTIVATED"))
        .singleElement()
        .satisfies(row -> assertActor(row, world.admin(), agent.id()));
  }

  @Test
  void whenDeactivatingWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() {
    EndpointSecurity.of(mvc, () -> post("/api/users/{id}/deactivate", agent.id()))
        .rejectsMissingToken()
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
  }

  @Test
  void whenReactivatingWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() {
    EndpointSecurity.of(mvc, () -> post("/api/users/{id}/reactivate", agent.id()))
        .rejectsMissingToken()
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
  }

  // --- delete ---

  @Test
  void whenAdminDeletesUser_thenGoneAuditedAndAnnounced() throws Exception {
    mvc.perform(api.as(world.admin(), delete("/api/users/{id}", agent.id())))
        .andExpect(status().isNoContent());

    mvc.perform(api.as(world.admin(), get("/api/users/{id}", agent.id())))
        .andExpect(status().isNotFound());
    JsonNode event = records.lastPayload("UserDeleted", agent.id());
    assertThat(event.get("email").asString()).isEqualTo(agent.email());
    assertThat(records.audit(world.tenantId(), "USER_DELETED"))
        .singleElement()
        .satisfies(row -> assertActor(row, world.admin(), agent.id()));
    mvc.perform(api.as(agent, get("/api/users/{id}", agent.id())))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void whenDeletingWithoutTokenAsNonAdminOrFromAnotherTenant_thenRejected() {
    EndpointSecurity.of(mvc, () -> delete("/api/users/{id}", agent.id()))
        .rejectsMissingToken()
        .forbids(agent.token())
        .hidesFrom(otherTenant.admin().token());
    assertThat(records.events("UserDeleted", agent.id())).isEmpty();
  }

  private String newUser(String email, String... roles) {
    return api.body(
        "email",
        email,
        "firstName",
        "Valid",
        "lastName",
        "User",
        "password",
        Api.PASSWORD,
        "roles",
        List.of(roles));
  }

  private static void assertActor(AuditRow row, Member actor, UUID target) {
    assertThat(row.actorId()).isEqualTo(actor.id());
    assertThat(row.actorEmail()).isEqualTo(actor.email());
    assertThat(row.targetId()).isEqualTo(target.toString());
  }
}
