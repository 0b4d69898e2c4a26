package com.chosencrm.lead.lead;

import static com.chosencrm.lead.lead.LeadControllerTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
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

@LeadServiceTest
class LeadMergeTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  World otherWorld;
  UUID team;
  Member supervisor;
  Member agent;
  UUID survivor;
  UUID duplicate;

  @BeforeEach
  void setUp() throws Exception {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    survivor =
        UUID.fromString(
            fixtures
                .createLead(
                    agent,
                    Map.of(
                        "firstName", "Rob",
                        "lastName", "Pike",
                        "email", "rob@example.com",
                        "tags", List.of("go"),
                        "notes", "Called twice"))
                .get("id")
                .asString());
    duplicate =
        UUID.fromString(
            fixtures
                .createLead(
                    agent,
                    Map.of(
                        "firstName", "Robert",
                        "lastName", "Pike",
                        "phone", "2015550155",
                        "loanAmount", 300000,
                        "tags", List.of("plan9"),
                        "notes", "Prefers email"))
                .get("id")
                .asString());
    mvc.perform(
            json(
                put("/api/leads/{id}", duplicate),
                agent,
                Map.of(
                    "firstName",
                    "Robert",
                    "lastName",
                    "Pike",
                    "phone",
                    "2015550155",
                    "loanAmount",
                    300000,
                    "tags",
                    List.of("plan9"),
                    "notes",
                    "Prefers email",
                    "source",
                    "Web",
                    "version",
                    0)))
        .andExpect(status().isOk());
  }

  @Test
  void mergeKeepsTheSurvivorsValuesFillsGapsAndMovesTheDuplicatesHistory() throws Exception {
    long duplicateHistory = historyCount(duplicate);

    mvc.perform(
            json(
                post("/api/leads/{id}/merge", survivor),
                supervisor,
                Map.of(
                    "duplicateId",
                    duplicate.toString(),
                    "fieldChoices",
                    Map.of("firstName", "DUPLICATE"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(survivor.toString()))
        .andExpect(jsonPath("$.firstName").value("Robert"))
        .andExpect(jsonPath("$.email").value("rob@example.com"))
        .andExpect(jsonPath("$.phoneE164").value("+12015550155"))
        .andExpect(jsonPath("$.loanAmount").value(300000.0))
        .andExpect(jsonPath("$.source").value("Web"))
        .andExpect(jsonPath("$.tags[*]").value(org.hamcrest.Matchers.contains("go", "plan9")))
        .andExpect(jsonPath("$.notes").value("Called twice\n\nPrefers email"));

    // The duplicate's history now lives on the survivor, marked with where it came from.
    assertThat(historyCount(duplicate)).isOne();
    Long moved =
        jdbc.sql(
                "select count(*) from lead_history where lead_id = :s and merged_from_lead_id = :d")
            .param("s", survivor)
            .param("d", duplicate)
            .query(Long.class)
            .single();
    assertThat(moved).isEqualTo(duplicateHistory);
    List<String> survivorActions =
        jdbc.sql(
                "select action from lead_history where lead_id = :s and merged_from_lead_id is null")
            .param("s", survivor)
            .query(String.class)
            .list();
    assertThat(survivorActions).contains("CREATED", "MERGED", "UPDATED");
    // The reasons name the other lead as people know it, not by its id.
    assertThat(reason(survivor, "MERGED")).isEqualTo("Robert Pike merged into this lead");
    assertThat(reason(survivor, "UPDATED")).isEqualTo("Merged from Robert Pike");
    assertThat(reason(duplicate, "MERGED_INTO")).isEqualTo("Merged into Rob Pike");

    // The duplicate is gone, pointing at the survivor, and cannot come back.
    mvc.perform(get("/api/leads/{id}", duplicate).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/leads/{id}", duplicate)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.mergedIntoId").value(survivor.toString()));
    mvc.perform(
            post("/api/leads/{id}/restore", duplicate)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isUnprocessableContent());

    List<String> events =
        jdbc.sql("select type from outbox_event where aggregate_id in (:s, :d) order by id")
            .param("s", survivor)
            .param("d", duplicate)
            .query(String.class)
            .list();
    assertThat(events).contains("LeadsMerged", "LeadDeleted");
  }

  @Test
  void mergeIsValidated() throws Exception {
    mvc.perform(
            json(
                post("/api/leads/{id}/merge", survivor),
                supervisor,
                Map.of("duplicateId", survivor.toString())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
    mvc.perform(
            json(
                post("/api/leads/{id}/merge", survivor),
                supervisor,
                Map.of(
                    "duplicateId",
                    duplicate.toString(),
                    "fieldChoices",
                    Map.of("createdAt", "DUPLICATE"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("fieldChoices.createdAt"));
    mvc.perform(
            json(
                post("/api/leads/{id}/merge", survivor),
                supervisor,
                Map.of(
                    "duplicateId",
                    duplicate.toString(),
                    "fieldChoices",
                    Map.of("firstName", "BOTH"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("fieldChoices.firstName"));
    mvc.perform(json(post("/api/leads/{id}/merge", survivor), supervisor, Map.of()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
    // A duplicate the caller cannot see, or of another tenant, is not found.
    UUID foreign = fixtures.leadId(otherWorld.admin(), "Other", "Tenant");
    mvc.perform(
            json(
                post("/api/leads/{id}/merge", survivor),
                supervisor,
                Map.of("duplicateId", foreign.toString())))
        .andExpect(status().isNotFound());
  }

  @Test
  void mergeSecurity() {
    String body = "{\"duplicateId\":\"" + duplicate + "\"}";
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads/{id}/merge", survivor)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
        .forbids(agent.token())
        .hidesFrom(otherWorld.admin().token());
  }

  private String reason(UUID leadId, String action) {
    return jdbc.sql(
            "select reason from lead_history where lead_id = :id and action = :action"
                + " and merged_from_lead_id is null")
        .param("id", leadId)
        .param("action", action)
        .query(String.class)
        .list()
        .getFirst();
  }

  private long historyCount(UUID leadId) {
    return jdbc.sql("select count(*) from lead_history where lead_id = :id")
        .param("id", leadId)
        .query(Long.class)
        .single();
  }
}
