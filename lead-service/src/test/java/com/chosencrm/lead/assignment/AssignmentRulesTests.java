package com.chosencrm.lead.assignment;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Rules, and what they do to new leads: matching, round robin, least open, caps, pauses. */
@LeadServiceTest
class AssignmentRulesTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  World otherWorld;
  UUID team;
  UUID otherTeam;
  Member supervisor;
  Member first;
  Member second;
  Member closer;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    otherTeam = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    first = fixtures.agent(world, team);
    second = fixtures.agent(world, team);
    closer = fixtures.agent(world, otherTeam);
  }

  static Map<String, Object> rule(
      String name, Map<String, Object> match, Map<String, Object> action) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", name);
    rule.put("match", match);
    rule.put("action", action);
    return rule;
  }

  private void putRules(Object... rules) throws Exception {
    mvc.perform(
            json(
                put("/api/leads/assignment/rules"),
                world.admin(),
                Map.of("timeZone", "America/Chicago", "rules", List.of(rules))))
        .andExpect(status().isOk());
  }

  @Test
  void rulesAreStoredInOrderAndReadBack() throws Exception {
    JsonNode saved =
        Fixtures.read(
            mvc.perform(
                    json(
                        put("/api/leads/assignment/rules"),
                        world.admin(),
                        Map.of(
                            "timeZone",
                            "America/Chicago",
                            "rules",
                            List.of(
                                rule(
                                    "Big Texas loans",
                                    Map.of("states", List.of("tx"), "minLoanAmount", 500000),
                                    Map.of("type", "USER", "userId", closer.id().toString())),
                                rule(
                                    "Zillow",
                                    Map.of(
                                        "sources",
                                        List.of("Zillow"),
                                        "loanPurposes",
                                        List.of("cash out")),
                                    Map.of(
                                        "type", "TEAM_ROUND_ROBIN", "teamId", team.toString()))))))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(saved.get("timeZone").asString()).isEqualTo("America/Chicago");
    assertThat(saved.get("rules").get(0).get("match").get("states").get(0).asString())
        .isEqualTo("TX");
    assertThat(saved.get("rules").get(1).get("match").get("loanPurposes").get(0).asString())
        .isEqualTo("CASH_OUT");
    assertThat(saved.get("rules").get(1).get("enabled").asBoolean()).isTrue();
    String firstId = saved.get("rules").get(0).get("id").asString();

    mvc.perform(
            get("/api/leads/assignment/rules")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rules[0].id").value(firstId))
        .andExpect(jsonPath("$.rules[1].name").value("Zillow"));
    // Another tenant has its own (empty) rules and cannot address these.
    mvc.perform(
            get("/api/leads/assignment/rules")
                .header(HttpHeaders.AUTHORIZATION, otherWorld.admin().bearer()))
        .andExpect(jsonPath("$.rules").isEmpty());
    Map<String, Object> foreign =
        rule(
            "Steal",
            Map.of(),
            Map.of("type", "USER", "userId", otherWorld.admin().id().toString()));
    foreign.put("id", firstId);
    mvc.perform(
            json(
                put("/api/leads/assignment/rules"),
                otherWorld.admin(),
                Map.of("rules", List.of(foreign))))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("rules[0].id")));
  }

  @Test
  void invalidRulesAreFieldErrors() throws Exception {
    mvc.perform(
            json(
                put("/api/leads/assignment/rules"),
                world.admin(),
                Map.of(
                    "timeZone",
                    "Mars/Olympus",
                    "rules",
                    List.of(
                        rule(
                            "",
                            Map.of("states", List.of("ZZ"), "minLoanAmount", 5, "maxLoanAmount", 1),
                            Map.of("type", "USER", "userId", UUID.randomUUID().toString())),
                        rule(
                            "Team",
                            Map.of(),
                            Map.of(
                                "type",
                                "TEAM_LEAST_OPEN",
                                "teamId",
                                UUID.randomUUID().toString()))))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
    mvc.perform(
            json(
                put("/api/leads/assignment/rules"),
                world.admin(),
                Map.of(
                    "rules",
                    List.of(
                        rule(
                            "",
                            Map.of("states", List.of("ZZ"), "minLoanAmount", 5, "maxLoanAmount", 1),
                            Map.of("type", "USER", "userId", UUID.randomUUID().toString())),
                        rule(
                            "Team",
                            Map.of(),
                            Map.of(
                                "type",
                                "TEAM_LEAST_OPEN",
                                "teamId",
                                UUID.randomUUID().toString()))))))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "rules[0].name",
                        "rules[0].match.states",
                        "rules[0].match.maxLoanAmount",
                        "rules[0].action.userId",
                        "rules[1].action.teamId")));
  }

  @Test
  void anUnknownActionTypeIsAFieldError() throws Exception {
    mvc.perform(
            json(
                put("/api/leads/assignment/rules"),
                world.admin(),
                Map.of("rules", List.of(rule("Beam", Map.of(), Map.of("type", "TELEPORT"))))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("rules[0].action.type"));
  }

  @Test
  void rulesSecurity() {
    EndpointSecurity.of(mvc, () -> get("/api/leads/assignment/rules"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(world.admin().id(), world.tenantId()).roles("ADMIN"))
        .forbids(supervisor.token())
        .forbids(first.token());
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/assignment/rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"rules\":[]}"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(world.admin().id(), world.tenantId()).roles("ADMIN"))
        .forbids(supervisor.token());
  }

  @Test
  void newLeadsGoToTheFirstMatchingRule() throws Exception {
    putRules(
        rule(
            "Big Texas loans",
            Map.of("states", List.of("TX"), "minLoanAmount", 500000),
            Map.of("type", "USER", "userId", closer.id().toString())),
        rule(
            "Zillow",
            Map.of("sources", List.of("zillow")),
            Map.of("type", "TEAM_ROUND_ROBIN", "teamId", team.toString())));

    assertThat(
            assigneeOf(
                Map.of(
                    "lastName",
                    "A",
                    "propertyState",
                    "TX",
                    "loanAmount",
                    750000,
                    "source",
                    "Zillow")))
        .isEqualTo(closer.id());
    assertThat(
            assigneeOf(
                Map.of(
                    "lastName",
                    "B",
                    "propertyState",
                    "TX",
                    "loanAmount",
                    100000,
                    "source",
                    "ZILLOW")))
        .isIn(first.id(), second.id());
    // No amount never matches a rule with an amount range; nothing matches: unassigned.
    assertThat(assigneeOf(Map.of("lastName", "C", "propertyState", "TX"))).isNull();
    Long ruleAssignments =
        jdbc.sql("select count(*) from lead_assignment where tenant_id = :t and method = 'RULE'")
            .param("t", world.tenantId())
            .query(Long.class)
            .single();
    assertThat(ruleAssignments).isEqualTo(2);
  }

  @Test
  void unroutedLeadsOfASupervisorStayWithThem() throws Exception {
    JsonNode lead = fixtures.createLead(supervisor, Map.of("lastName", "Mine"));
    assertThat(lead.get("assigneeId").asString()).isEqualTo(supervisor.id().toString());
  }

  @Test
  void dailyCapsAndPausesSendLeadsToTheNextRule() throws Exception {
    Map<String, Object> capped =
        rule(
            "Team, two a day",
            Map.of(),
            Map.of("type", "TEAM_ROUND_ROBIN", "teamId", team.toString()));
    capped.put("dailyCapPerAgent", 2);
    putRules(
        capped,
        rule("Overflow", Map.of(), Map.of("type", "USER", "userId", closer.id().toString())));

    Map<UUID, Integer> counts = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      counts.merge(assigneeOf(Map.of("lastName", "Cap" + i)), 1, Integer::sum);
    }
    assertThat(counts)
        .containsEntry(first.id(), 2)
        .containsEntry(second.id(), 2)
        .containsEntry(closer.id(), 1);

    // Out of office: the overflow agent is skipped too, so the lead stays unassigned.
    mvc.perform(
            json(
                put("/api/leads/assignment/agents/{id}/pause", closer.id()),
                world.admin(),
                Map.of(
                    "until",
                    Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                    "reason",
                    "Vacation")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paused").value(true))
        .andExpect(jsonPath("$.pauseReason").value("Vacation"));
    assertThat(assigneeOf(Map.of("lastName", "Paused"))).isNull();

    mvc.perform(
            delete("/api/leads/assignment/agents/{id}/pause", closer.id())
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paused").value(false));
    assertThat(assigneeOf(Map.of("lastName", "Back"))).isEqualTo(closer.id());
  }

  @Test
  void pausedAndDeactivatedAgentsLeaveTheRotation() throws Exception {
    putRules(rule("Team", Map.of(), Map.of("type", "TEAM_ROUND_ROBIN", "teamId", team.toString())));
    mvc.perform(
            json(
                put("/api/leads/assignment/agents/{id}/pause", first.id()),
                supervisor,
                Map.of("until", Instant.now().plus(1, ChronoUnit.DAYS).toString())))
        .andExpect(status().isOk());
    for (int i = 0; i < 3; i++) {
      assertThat(assigneeOf(Map.of("lastName", "P" + i))).isEqualTo(second.id());
    }
    fixtures.apply(
        world.tenantId(),
        "UserDeactivated",
        second.id(),
        Map.of("userId", second.id(), "email", "x@example.test", "teamId", team));
    assertThat(assigneeOf(Map.of("lastName", "Nobody"))).isNull();
  }

  @Test
  void leastOpenLeadsGoesToTheEmptiestAgent() throws Exception {
    for (int i = 0; i < 3; i++) {
      fixtures.leadId(first, "Busy", "B" + i);
    }
    putRules(rule("Least", Map.of(), Map.of("type", "TEAM_LEAST_OPEN", "teamId", team.toString())));
    Map<UUID, Integer> counts = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      counts.merge(assigneeOf(Map.of("lastName", "L" + i)), 1, Integer::sum);
    }
    // 3 + x vs 0 + y with x + y = 5: the second agent catches up first, then they alternate.
    assertThat(counts).containsEntry(second.id(), 4).containsEntry(first.id(), 1);
  }

  @Test
  void pauseIsForSupervisorsOfTheTeamAndAdmins() throws Exception {
    String until = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    mvc.perform(
            json(
                put("/api/leads/assignment/agents/{id}/pause", closer.id()),
                supervisor,
                Map.of("until", until)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                put("/api/leads/assignment/agents/{id}/pause", UUID.randomUUID()),
                world.admin(),
                Map.of("until", until)))
        .andExpect(status().isNotFound());
    mvc.perform(
            json(
                put("/api/leads/assignment/agents/{id}/pause", first.id()),
                supervisor,
                Map.of("until", "2000-01-01T00:00:00Z")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("until"));
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/assignment/agents/{id}/pause", first.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"until\":\"" + until + "\"}"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
        .forbids(first.token())
        .hidesFrom(otherWorld.admin().token());
    EndpointSecurity.of(mvc, () -> delete("/api/leads/assignment/agents/{id}/pause", first.id()))
        .rejectsMissingToken()
        .forbids(first.token())
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void agentsListShowsTheTeamToItsSupervisor() throws Exception {
    JsonNode mine =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/assignment/agents")
                        .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
                .andExpect(status().isOk())
                .andReturn());
    List<String> ids =
        mine.get("items").valueStream().map(n -> n.get("userId").asString()).toList();
    assertThat(ids)
        .containsExactlyInAnyOrder(
            supervisor.id().toString(), first.id().toString(), second.id().toString());
    JsonNode all =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/assignment/agents")
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(all.get("items").size()).isEqualTo(5);
    EndpointSecurity.of(mvc, () -> get("/api/leads/assignment/agents"))
        .rejectsMissingToken()
        .forbids(first.token());
  }

  private UUID assigneeOf(Map<String, ?> lead) {
    JsonNode created = fixtures.createLead(world.admin(), lead);
    JsonNode assignee = created.get("assigneeId");
    return assignee == null || assignee.isNull() ? null : UUID.fromString(assignee.asString());
  }

  static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, Member member, Object body) {
    return request
        .header(HttpHeaders.AUTHORIZATION, member.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .content(Fixtures.JSON.writeValueAsString(body));
  }
}
