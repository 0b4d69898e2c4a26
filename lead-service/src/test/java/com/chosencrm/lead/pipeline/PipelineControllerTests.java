package com.chosencrm.lead.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@LeadServiceTest
class PipelineControllerTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  Member agent;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    agent = fixtures.agent(world, null);
  }

  @Test
  void aTenantStartsWithTheDefaultStages() throws Exception {
    mvc.perform(get("/api/leads/pipeline/stages").header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.stages[*].name")
                .value(
                    Matchers.contains(
                        "New",
                        "Contacted",
                        "Qualified",
                        "Application",
                        "Closed won",
                        "Closed lost")))
        .andExpect(jsonPath("$.stages[4].kind").value("WON"))
        .andExpect(jsonPath("$.stages[5].kind").value("LOST"));
  }

  @Test
  void adminsRenameReorderAddAndRemoveStages() throws Exception {
    List<JsonNode> stages = stages();
    UUID leadInContacted = fixtures.leadId(agent, "In", "Contacted");
    mvc.perform(
            put("/api/leads/{id}/status", leadInContacted)
                .header(HttpHeaders.AUTHORIZATION, agent.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"Contacted\"}"))
        .andExpect(status().isOk());
    List<Map<String, Object>> next = new ArrayList<>();
    next.add(stage(stages.get(0), "Fresh", "OPEN"));
    next.add(Map.of("name", "Nurture", "kind", "OPEN"));
    next.add(stage(stages.get(2), "Qualified", "OPEN"));
    next.add(stage(stages.get(3), "Application", "OPEN"));
    next.add(stage(stages.get(5), "Closed lost", "LOST"));
    next.add(stage(stages.get(4), "Closed won", "WON"));

    // "Contacted" has a lead and is left out without a target: refused, nothing changes.
    mvc.perform(json(put("/api/leads/pipeline/stages"), world.admin(), Map.of("stages", next)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("'Contacted' (1 leads)")));
    assertThat(stages()).extracting(n -> n.get("name").asString()).contains("Contacted");

    String contacted = stages.get(1).get("id").asString();
    mvc.perform(
            json(
                put("/api/leads/pipeline/stages"),
                world.admin(),
                Map.of("stages", next, "moveLeadsTo", Map.of(contacted, "nurture"))))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.stages[*].name")
                .value(
                    Matchers.contains(
                        "Fresh",
                        "Nurture",
                        "Qualified",
                        "Application",
                        "Closed lost",
                        "Closed won")))
        .andExpect(jsonPath("$.stages[0].id").value(stages.get(0).get("id").asString()));

    mvc.perform(
            get("/api/leads/{id}", leadInContacted)
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(jsonPath("$.status").value("Nurture"));
    List<String> moved =
        jdbc.sql(
                "select old_value::text || '>' || new_value::text from lead_history"
                    + " where lead_id = :id and action = 'STATUS_CHANGED' order by occurred_at, id")
            .param("id", leadInContacted)
            .query(String.class)
            .list();
    assertThat(moved).last().isEqualTo("\"Contacted\">\"Nurture\"");
    // A lead created now starts in the renamed first stage.
    assertThat(fixtures.createLead(agent, "New", "Comer").get("status").asString())
        .isEqualTo("Fresh");
  }

  @Test
  void stageListsAreValidated() throws Exception {
    mvc.perform(json(put("/api/leads/pipeline/stages"), world.admin(), Map.of("stages", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stages"));
    mvc.perform(
            json(
                put("/api/leads/pipeline/stages"),
                world.admin(),
                Map.of(
                    "stages",
                    List.of(
                        Map.of("name", "Won", "kind", "WON"),
                        Map.of("name", "won", "kind", "OPEN"),
                        Map.of("name", " ", "kind", "OPEN"),
                        Map.of(
                            "id", UUID.randomUUID().toString(), "name", "Ghost", "kind", "OPEN")))))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    Matchers.containsInAnyOrder(
                        "stages[1].name", "stages[2].name", "stages[3].id")));
    mvc.perform(
            json(
                put("/api/leads/pipeline/stages"),
                world.admin(),
                Map.of("stages", List.of(Map.of("name", "Open", "kind", "MAYBE")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stages[0].kind"));
    mvc.perform(
            json(
                put("/api/leads/pipeline/stages"),
                world.admin(),
                Map.of("stages", List.of(Map.of("name", "Won", "kind", "WON")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stages[0].kind"));
  }

  @Test
  void pipelinesAreTheTenantsOwn() throws Exception {
    World other = fixtures.newTenant();
    String foreignId = stages().getFirst().get("id").asString();
    mvc.perform(
            json(
                put("/api/leads/pipeline/stages"),
                other.admin(),
                Map.of("stages", List.of(Map.of("id", foreignId, "name", "Mine", "kind", "OPEN")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stages[0].id"));
    assertThat(stages().getFirst().get("name").asString()).isEqualTo("New");
  }

  @Test
  void pipelineSecurity() {
    EndpointSecurity.of(mvc, () -> get("/api/leads/pipeline/stages"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/pipeline/stages")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"stages\":[{\"name\":\"Only\",\"kind\":\"OPEN\"}]}"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(world.admin().id(), world.tenantId()).roles("ADMIN"))
        .forbids(agent.token())
        .forbids(TestTokens.forRole("SUPERVISOR", world.tenantId()));
  }

  private static Map<String, Object> stage(JsonNode existing, String name, String kind) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("id", existing.get("id").asString());
    stage.put("name", name);
    stage.put("kind", kind);
    return stage;
  }

  private List<JsonNode> stages() throws Exception {
    JsonNode body =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/pipeline/stages")
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn());
    return body.get("stages").valueStream().toList();
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Member member,
      Object body) {
    return request
        .header(HttpHeaders.AUTHORIZATION, member.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .content(Fixtures.JSON.writeValueAsString(body));
  }
}
