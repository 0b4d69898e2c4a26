package com.chosencrm.user.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who sees whom in {@code GET /api/users}, and the list's search, filters and paging. */
@UserServiceTest
class UserListTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;

  Api api;
  World world;
  UUID teamA;
  UUID teamB;
  Member supervisorA;
  Member agentA1;
  Member agentA2;
  Member agentB;
  Member agentWithoutTeam;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(mvc, json);
    world = fixtures.newTenant();
    teamA = api.createTeam(world.admin(), "Team A", null);
    teamB = api.createTeam(world.admin(), "Team B", null);
    supervisorA = member(Role.SUPERVISOR, teamA, "supervisor");
    agentA1 = member(Role.AGENT, teamA, "agent");
    agentA2 = member(Role.AGENT, teamA, "agent");
    agentB = member(Role.AGENT, teamB, "agent");
    agentWithoutTeam = fixtures.agent(world);
  }

  // --- visibility ---

  @Test
  void whenAgentLists_thenOnlyThemself() throws Exception {
    assertThat(ids(agentA1)).containsExactly(agentA1.id().toString());
  }

  @Test
  void whenAgentReadsAnotherUser_thenNotFound() throws Exception {
    mvc.perform(api.as(agentA1, get("/api/users/{id}", agentA1.id()))).andExpect(status().isOk());
    for (Member other : List.of(agentA2, supervisorA, world.admin())) {
      mvc.perform(api.as(agentA1, get("/api/users/{id}", other.id())))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/not-found"));
    }
  }

  @Test
  void whenSupervisorLists_thenTheirTeamAndThemself() throws Exception {
    assertThat(ids(supervisorA))
        .containsExactlyInAnyOrder(
            supervisorA.id().toString(), agentA1.id().toString(), agentA2.id().toString());
    // A filter cannot widen what the caller may see.
    assertThat(ids(supervisorA, "teamId", teamB.toString())).isEmpty();
  }

  @Test
  void whenSupervisorReadsUserOutsideTheirTeam_thenNotFound() throws Exception {
    mvc.perform(api.as(supervisorA, get("/api/users/{id}", agentA1.id())))
        .andExpect(status().isOk());
    for (Member outsider : List.of(agentB, agentWithoutTeam, world.admin())) {
      mvc.perform(api.as(supervisorA, get("/api/users/{id}", outsider.id())))
          .andExpect(status().isNotFound());
    }
  }

  @Test
  void whenSupervisorHasNoTeam_thenOnlyThemself() throws Exception {
    Member loneSupervisor = fixtures.supervisor(world);
    assertThat(ids(loneSupervisor)).containsExactly(loneSupervisor.id().toString());
  }

  @Test
  void whenAdminLists_thenTheWholeTenantAndNoOneElse() throws Exception {
    World otherTenant = fixtures.newTenant();
    assertThat(ids(world.admin()))
        .containsExactlyInAnyOrder(
            world.admin().id().toString(),
            supervisorA.id().toString(),
            agentA1.id().toString(),
            agentA2.id().toString(),
            agentB.id().toString(),
            agentWithoutTeam.id().toString())
        .doesNotContain(otherTenant.admin().id().toString());
    mvc.perform(api.as(world.admin(), get("/api/users")))
        .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist())
        .andExpect(jsonPath("$.items[0].email").isNotEmpty());
  }

  // --- paging ---

  @Test
  void whenPagingWithTheCursor_thenEveryUserComesExactlyOnceInNameOrder() throws Exception {
    // Same names, so that only the id breaks the tie between pages.
    for (int i = 0; i < 4; i++) {
      api.createUser(
          world.admin(), "Sam", "Same", "sam.same" + i + "@example.test", List.of("AGENT"), null);
    }
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          cursor == null
              ? page(world.admin(), "limit", "3")
              : page(world.admin(), "limit", "3", "cursor", cursor);
      page.get("items").values().forEach(all::add);
      JsonNode next = page.path("nextCursor");
      cursor = next.isString() ? next.asString() : null;
      pages++;
    } while (cursor != null && pages < 10);

    List<String> ids = all.stream().map(item -> item.get("id").asString()).toList();
    assertThat(ids).hasSize(10).doesNotHaveDuplicates();
    assertThat(ids).containsExactlyElementsOf(ids(world.admin(), "limit", "200"));
    assertThat(pages).isEqualTo(4);
    List<String> names =
        all.stream().map(item -> item.get("fullName").asString().toLowerCase(Locale.ROOT)).toList();
    assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
  }

  // --- search and filters ---

  @Test
  void whenSearching_thenNameOrEmailMatchesAnywhereIgnoringCase() throws Exception {
    UUID olivia =
        api.createUser(
            world.admin(), "Olivia", "Quant", "o.q@example.test", List.of("AGENT"), null);
    UUID pat =
        api.createUser(
            world.admin(), "Pat", "Smith", "quantum.pat@example.test", List.of("AGENT"), null);

    assertThat(ids(world.admin(), "q", "QUANT"))
        .containsExactlyInAnyOrder(olivia.toString(), pat.toString());
    assertThat(ids(world.admin(), "q", "ivia qu")).containsExactly(olivia.toString());
    // Wildcards are taken literally.
    assertThat(ids(world.admin(), "q", "%")).isEmpty();
    assertThat(ids(world.admin(), "q", "_")).isEmpty();
  }

  @Test
  void whenFilteringByRoleTeamAndActive_thenOnlyMatchingUsers() throws Exception {
    assertThat(ids(world.admin(), "role", "SUPERVISOR"))
        .containsExactly(supervisorA.id().toString());
    assertThat(ids(world.admin(), "teamId", teamB.toString()))
        .containsExactly(agentB.id().toString());
    assertThat(ids(world.admin(), "role", "AGENT", "teamId", teamA.toString()))
        .containsExactlyInAnyOrder(agentA1.id().toString(), agentA2.id().toString());

    mvc.perform(api.as(world.admin(), post("/api/users/{id}/deactivate", agentWithoutTeam.id())))
        .andExpect(status().isOk());
    assertThat(ids(world.admin(), "active", "false"))
        .containsExactly(agentWithoutTeam.id().toString());
    assertThat(ids(world.admin(), "active", "true")).hasSize(5);
  }

  @Test
  void whenLimitCursorRoleOrSearchIsInvalid_thenFieldError() throws Exception {
    for (List<String> param :
        List.of(
            List.of("limit", "0"),
            List.of("limit", "201"),
            List.of("cursor", "not-ours"),
            List.of("role", "WIZARD"),
            List.of("q", "x".repeat(101)))) {
      String field = param.get(0);
      mvc.perform(api.as(world.admin(), get("/api/users").param(field, param.get(1))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(field));
    }
  }

  @Test
  void whenListingWithoutToken_thenUnauthorized() {
    EndpointSecurity.of(mvc, () -> get("/api/users")).rejectsMissingToken();
  }

  private Member member(Role role, UUID teamId, String label) {
    return fixtures.member(world.tenantId(), Set.of(role), teamId, label);
  }

  /** The list as the caller sees it, with query parameters given as name, value, name, ... */
  private JsonNode page(Member caller, String... params) throws Exception {
    var request = api.as(caller, get("/api/users"));
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    String body =
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  private List<String> ids(Member caller, String... params) throws Exception {
    return page(caller, params).get("items").values().stream()
        .map(item -> item.get("id").asString())
        .toList();
  }
}
