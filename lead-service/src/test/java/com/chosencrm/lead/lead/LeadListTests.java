package com.chosencrm.lead.lead;

import static com.chosencrm.lead.lead.LeadControllerTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@LeadServiceTest
class LeadListTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  UUID team;
  Member supervisor;
  Member agent;
  Member teammate;
  Member outsider;
  List<UUID> agentLeads = new ArrayList<>();
  List<UUID> teammateLeads = new ArrayList<>();
  List<UUID> outsiderLeads = new ArrayList<>();

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    team = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    teammate = fixtures.agent(world, team);
    outsider = fixtures.agent(world, null);
    String[] names = {"Ng", "Adams", "baker", "Zhou", "Adams", "O'Neil", "Smith", "smith"};
    for (int i = 0; i < 13; i++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("firstName", "F" + i);
      body.put("lastName", names[i % names.length]);
      if (i % 4 != 0) {
        // Repeated amounts and missing ones test the keyset's tie-breaker and the null rule.
        body.put("loanAmount", 100000 * (i % 3));
      }
      body.put("source", i % 2 == 0 ? "Zillow" : "Referral");
      body.put("propertyState", i % 3 == 0 ? "TX" : "FL");
      body.put("loanPurpose", i % 2 == 0 ? "PURCHASE" : "REFINANCE");
      body.put("tags", i % 5 == 0 ? List.of("vip", "spanish") : List.of("vip"));
      Member owner = i % 3 == 0 ? agent : i % 3 == 1 ? teammate : outsider;
      UUID id = UUID.fromString(fixtures.createLead(owner, body).get("id").asString());
      (owner == agent ? agentLeads : owner == teammate ? teammateLeads : outsiderLeads).add(id);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "createdAt,desc",
    "createdAt,asc",
    "updatedAt,desc",
    "name,asc",
    "name,desc",
    "loanAmount,desc",
    "loanAmount,asc",
    "position,asc"
  })
  void keysetPagingReturnsEveryRowOnceInOrder(String sort, String direction) throws Exception {
    List<JsonNode> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String url =
          "/api/leads?limit=4&sort="
              + sort
              + "&direction="
              + direction
              + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page =
          Fixtures.read(
              mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                  .andExpect(status().isOk())
                  .andReturn());
      page.get("items").forEach(seen::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10);

    List<String> ids = seen.stream().map(n -> n.get("id").asString()).toList();
    assertThat(ids).hasSize(13).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(4);
    Comparator<JsonNode> order = comparator(sort);
    if (direction.equals("desc")) {
      order = order.reversed();
    }
    assertThat(seen).isSortedAccordingTo(order);
  }

  private Comparator<JsonNode> comparator(String sort) {
    Map<String, BigDecimal> ranks = new HashMap<>();
    if (sort.equals("position")) {
      jdbc.sql("select id::text, board_rank from lead where tenant_id = :t")
          .param("t", world.tenantId())
          .query((rs, n) -> ranks.put(rs.getString(1), rs.getBigDecimal(2)))
          .list();
    }
    Comparator<JsonNode> key =
        switch (sort) {
          case "createdAt", "updatedAt" ->
              Comparator.comparing(n -> java.time.Instant.parse(n.get(sort).asString()));
          case "name" ->
              Comparator.comparing(
                  n ->
                      (n.get("lastName").asString() + " " + n.get("firstName").asString())
                          .toLowerCase());
          case "loanAmount" ->
              Comparator.comparing(
                  n ->
                      n.get("loanAmount").isNull()
                          ? new BigDecimal(-1)
                          : n.get("loanAmount").decimalValue());
          case "position" -> Comparator.comparing(n -> ranks.get(n.get("id").asString()));
          default -> throw new IllegalArgumentException(sort);
        };
    return key;
  }

  @Test
  void visibilityIsDecidedInTheQuery() throws Exception {
    assertThat(listIds(agent, "")).containsExactlyInAnyOrderElementsOf(agentLeads);
    List<UUID> team = new ArrayList<>(agentLeads);
    team.addAll(teammateLeads);
    assertThat(listIds(supervisor, "")).containsExactlyInAnyOrderElementsOf(team);
    assertThat(listIds(world.admin(), "")).hasSize(13);
    assertThat(listIds(fixtures.newTenant().admin(), "")).isEmpty();
  }

  @Test
  void filtersNarrowTheList() throws Exception {
    assertThat(listIds(world.admin(), "&source=zillow")).hasSize(7);
    assertThat(listIds(world.admin(), "&state=tx&loanPurpose=PURCHASE")).hasSize(3);
    assertThat(listIds(world.admin(), "&tags=vip,spanish")).hasSize(3);
    assertThat(listIds(world.admin(), "&assigneeId=" + teammate.id()))
        .containsExactlyInAnyOrderElementsOf(teammateLeads);
    assertThat(listIds(world.admin(), "&teamId=" + team)).hasSize(9);
    assertThat(listIds(world.admin(), "&status=New")).hasSize(13);
    assertThat(listIds(world.admin(), "&status=Contacted")).isEmpty();
    assertThat(listIds(world.admin(), "&doNotContact=false")).hasSize(13);
    assertThat(
            listIds(
                world.admin(), "&createdFrom=2000-01-01T00:00:00Z&createdTo=2001-01-01T00:00:00Z"))
        .isEmpty();
    assertThat(listIds(world.admin(), "&unassigned=true")).isEmpty();
    // Supervisors filter within what they see.
    assertThat(listIds(supervisor, "&assigneeId=" + outsider.id())).isEmpty();
  }

  @Test
  void aDeactivatedAssigneesLeadsNeedReassignment() throws Exception {
    fixtures.apply(
        world.tenantId(),
        "UserDeactivated",
        teammate.id(),
        Map.of("userId", teammate.id(), "email", "x@example.test", "teamId", team));
    assertThat(listIds(world.admin(), "&needsReassignment=true"))
        .containsExactlyInAnyOrderElementsOf(teammateLeads);
    mvc.perform(
            get("/api/leads/{id}", teammateLeads.getFirst())
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.needsReassignment").value(true))
        // Still assigned, still visible to the team's supervisor.
        .andExpect(jsonPath("$.assigneeId").value(teammate.id().toString()));
    assertThat(listIds(supervisor, "")).containsAll(teammateLeads);
  }

  @Test
  void invalidParametersAreFieldErrors() throws Exception {
    expectFieldError("/api/leads?sort=colour", "sort");
    expectFieldError("/api/leads?direction=sideways", "direction");
    expectFieldError("/api/leads?limit=0", "limit");
    expectFieldError("/api/leads?limit=201", "limit");
    expectFieldError("/api/leads?cursor=garbage", "cursor");
    expectFieldError("/api/leads?status=Nowhere", "status");
    expectFieldError("/api/leads?state=XX", "state");
    expectFieldError("/api/leads?assigneeId=not-a-uuid", "assigneeId");
    // A cursor of one sort order used with another.
    JsonNode page =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads?limit=2&sort=name")
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn());
    expectFieldError(
        "/api/leads?limit=2&sort=createdAt&cursor=" + page.get("nextCursor").asString(), "cursor");
  }

  @Test
  void onlyAdminsListDeletedLeads() throws Exception {
    UUID deleted = agentLeads.getFirst();
    mvc.perform(
            delete("/api/leads/{id}", deleted)
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isNoContent());
    assertThat(listIds(world.admin(), "&deleted=true")).containsExactly(deleted);
    assertThat(listIds(world.admin(), "")).hasSize(12).doesNotContain(deleted);
    mvc.perform(
            get("/api/leads?deleted=true").header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void listSecurity() {
    EndpointSecurity.of(mvc, () -> get("/api/leads"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
  }

  @Test
  void statusFilterFollowsTheKanbanMove() throws Exception {
    UUID moved = agentLeads.getFirst();
    mvc.perform(json(put("/api/leads/{id}/status", moved), agent, Map.of("status", "Contacted")))
        .andExpect(status().isOk());
    assertThat(listIds(agent, "&status=contacted")).containsExactly(moved);
  }

  private void expectFieldError(String url, String field) throws Exception {
    mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  private List<UUID> listIds(Member member, String query) throws Exception {
    JsonNode page =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads?limit=200" + query)
                        .header(HttpHeaders.AUTHORIZATION, member.bearer()))
                .andExpect(status().isOk())
                .andReturn());
    List<UUID> ids = new ArrayList<>();
    page.get("items").forEach(n -> ids.add(UUID.fromString(n.get("id").asString())));
    return ids;
  }
}
