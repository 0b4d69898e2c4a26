package com.chosencrm.lead.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@LeadServiceTest
class LeadControllerTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  World otherWorld;
  UUID team;
  Member supervisor;
  Member agent;
  Member otherAgent;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    otherAgent = fixtures.agent(world, null);
  }

  static Map<String, Object> fullLead() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("firstName", "  Ada ");
    body.put("lastName", "Lovelace");
    body.put("email", "Ada.Lovelace@Example.com");
    body.put("phone", "(201) 555-0123");
    body.put("source", "Zillow");
    body.put("loanPurpose", "cash out");
    body.put("loanAmount", 425000.5);
    body.put("propertyState", "tx");
    body.put("creditBand", "GOOD");
    body.put("notes", "Wants a 30-year fixed");
    body.put("tags", List.of("VIP", "vip", " Spanish "));
    body.put(
        "consent",
        Map.of(
            "givenAt",
            "2026-01-05T10:15:30Z",
            "method",
            "WEB_FORM",
            "text",
            "I agree to be contacted by phone and text."));
    return body;
  }

  @Test
  void whenAgentCreatesLead_thenItIsNormalisedAssignedToThemAndAnnounced() throws Exception {
    JsonNode lead = fixtures.createLead(agent, fullLead());

    assertThat(lead.get("firstName").asString()).isEqualTo("Ada");
    assertThat(lead.get("email").asString()).isEqualTo("Ada.Lovelace@Example.com");
    assertThat(lead.get("phone").asString()).isEqualTo("(201) 555-0123");
    assertThat(lead.get("phoneE164").asString()).isEqualTo("+12015550123");
    assertThat(lead.get("loanPurpose").asString()).isEqualTo("CASH_OUT");
    assertThat(lead.get("loanAmount").decimalValue()).isEqualByComparingTo("425000.50");
    assertThat(lead.get("loanCurrency").asString()).isEqualTo("USD");
    assertThat(lead.get("propertyState").asString()).isEqualTo("TX");
    assertThat(lead.get("tags").toString()).isEqualTo("[\"vip\",\"spanish\"]");
    assertThat(lead.get("status").asString()).isEqualTo("New");
    assertThat(lead.get("statusKind").asString()).isEqualTo("OPEN");
    assertThat(lead.get("assigneeId").asString()).isEqualTo(agent.id().toString());
    assertThat(lead.get("consent").get("method").asString()).isEqualTo("WEB_FORM");
    assertThat(lead.get("createdBy").asString()).isEqualTo(agent.id().toString());
    assertThat(lead.get("version").asLong()).isZero();

    UUID id = UUID.fromString(lead.get("id").asString());
    assertThat(outboxTypes(id)).containsExactly("LeadCreated", "LeadAssigned");
    String payload =
        jdbc.sql(
                "select payload::text from outbox_event where aggregate_id = :id and type = 'LeadCreated'")
            .param("id", id)
            .query(String.class)
            .single();
    JsonNode created = Fixtures.JSON.readTree(payload);
    assertThat(created.get("lead").get("phoneE164").asString()).isEqualTo("+12015550123");
    assertThat(created.get("actorId").asString()).isEqualTo(agent.id().toString());
  }

  @Test
  void createAnswersLocationOfTheNewLead() throws Exception {
    mvc.perform(
            post("/api/leads")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\":\"Hopper\"}"))
        .andExpect(status().isCreated())
        .andExpect(
            header().string("Location", Matchers.matchesPattern(".*/api/leads/[0-9a-f-]{36}")))
        .andExpect(jsonPath("$.assigneeId").doesNotExist());
  }

  @Test
  void whenFieldsAreInvalid_thenEveryProblemIsAFieldError() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", "not-an-email");
    body.put("phone", "12345");
    body.put("loanPurpose", "BOAT");
    body.put("loanAmount", -5);
    body.put("propertyState", "XX");
    body.put("creditBand", "AMAZING");
    body.put("status", "Nowhere");
    body.put("consent", Map.of("method", "CARRIER_PIGEON"));
    mvc.perform(json(post("/api/leads"), world.admin(), body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    Matchers.containsInAnyOrder(
                        "lastName",
                        "email",
                        "phone",
                        "loanPurpose",
                        "loanAmount",
                        "propertyState",
                        "creditBand",
                        "status",
                        "consent.givenAt",
                        "consent.method",
                        "consent.text")))
        .andExpect(jsonPath("$.requestId").exists());
  }

  @Test
  void whenTextIsTooLong_thenBeanValidationNamesTheField() throws Exception {
    mvc.perform(json(post("/api/leads"), agent, Map.of("lastName", "x".repeat(101))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lastName"));
  }

  @Test
  void doNotContactNeedsAReason() throws Exception {
    mvc.perform(json(post("/api/leads"), agent, Map.of("lastName", "Quiet", "doNotContact", true)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("doNotContactReason"));
  }

  @Test
  void createSecurity() {
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"lastName\":\"Nobody\"}"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
  }

  @Test
  void whenAgentNamesSomeoneElseAsAssignee_thenForbidden() throws Exception {
    mvc.perform(
            json(
                post("/api/leads"),
                agent,
                Map.of("lastName", "Sneaky", "assigneeId", otherAgent.id().toString())))
        .andExpect(status().isForbidden());
  }

  @Test
  void whenSupervisorNamesAnAgentOutsideTheTeam_thenForbidden() throws Exception {
    mvc.perform(
            json(
                post("/api/leads"),
                supervisor,
                Map.of("lastName", "Elsewhere", "assigneeId", otherAgent.id().toString())))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                post("/api/leads"),
                supervisor,
                Map.of("lastName", "Within", "assigneeId", agent.id().toString())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.assigneeId").value(agent.id().toString()));
  }

  @Test
  void whenAssigneeIsUnknown_thenFieldError() throws Exception {
    mvc.perform(
            json(
                post("/api/leads"),
                world.admin(),
                Map.of("lastName", "Ghost", "assigneeId", UUID.randomUUID().toString())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
  }

  @Test
  void whenEmailOrPhoneExists_thenConflictNamesTheDuplicateUnlessAllowed() throws Exception {
    UUID first =
        UUID.fromString(
            fixtures
                .createLead(agent, Map.of("lastName", "Original", "email", "dup@example.com"))
                .get("id")
                .asString());
    fixtures.createLead(agent, Map.of("lastName", "Phone", "phone", "+1 201 555 0177"));

    mvc.perform(
            json(
                post("/api/leads"),
                otherAgent,
                Map.of("lastName", "Copy", "email", "DUP@example.com ")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/duplicate-lead"))
        .andExpect(jsonPath("$.duplicates[0].leadId").value(first.toString()))
        .andExpect(jsonPath("$.duplicates[0].matchedOn[0]").value("EMAIL"));
    mvc.perform(
            json(post("/api/leads"), agent, Map.of("lastName", "Copy", "phone", "201.555.0177")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.duplicates[0].matchedOn[0]").value("PHONE"));
    mvc.perform(
            json(
                post("/api/leads?allowDuplicate=true"),
                agent,
                Map.of("lastName", "Copy", "email", "dup@example.com")))
        .andExpect(status().isCreated());
  }

  @Test
  void duplicateCheckAnswersPerCandidate() throws Exception {
    UUID existing =
        UUID.fromString(
            fixtures
                .createLead(
                    agent,
                    Map.of(
                        "lastName", "Known", "email", "known@example.com", "phone", "2015550188"))
                .get("id")
                .asString());
    mvc.perform(
            json(
                post("/api/leads/duplicates/check"),
                agent,
                Map.of(
                    "candidates",
                    List.of(
                        Map.of("email", "KNOWN@example.com"),
                        Map.of("phone", "+1 (201) 555-0188"),
                        Map.of("email", "new@example.com")))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results[0].duplicates[0].leadId").value(existing.toString()))
        .andExpect(jsonPath("$.results[1].duplicates[0].matchedOn[0]").value("PHONE"))
        .andExpect(jsonPath("$.results[2].duplicates").isEmpty());
    mvc.perform(json(post("/api/leads/duplicates/check"), agent, Map.of("candidates", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("candidates"));
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads/duplicates/check")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"candidates\":[{\"email\":\"a@b.co\"}]}"))
        .rejectsMissingToken()
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
  }

  @Test
  void getShowsVisibleLeadsOnly() throws Exception {
    UUID agentsLead = fixtures.leadId(agent, "Grace", "Hopper");
    UUID othersLead = fixtures.leadId(otherAgent, "Alan", "Turing");

    mvc.perform(
            get("/api/leads/{id}", agentsLead).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lastName").value("Hopper"))
        .andExpect(jsonPath("$.assigneeName").value(Matchers.startsWith("User Number")));
    // Another agent's lead: as if it did not exist.
    mvc.perform(
            get("/api/leads/{id}", othersLead).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isNotFound());
    // The supervisor sees the team member's lead, not the lead of an agent outside the team.
    mvc.perform(
            get("/api/leads/{id}", agentsLead)
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/leads/{id}", othersLead)
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/leads/{id}", othersLead)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk());

    EndpointSecurity.of(mvc, () -> get("/api/leads/{id}", agentsLead))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()))
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void updateReplacesFieldsRecordsHistoryAndBumpsVersion() throws Exception {
    JsonNode lead = fixtures.createLead(agent, fullLead());
    UUID id = UUID.fromString(lead.get("id").asString());
    Map<String, Object> changes = fullLead();
    changes.put("lastName", "Byron");
    changes.put("loanAmount", 500000);
    changes.put("tags", List.of("vip"));
    changes.put("status", "Contacted");
    changes.put("version", 0);

    mvc.perform(json(put("/api/leads/{id}", id), agent, changes))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lastName").value("Byron"))
        .andExpect(jsonPath("$.status").value("Contacted"))
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.updatedBy").value(agent.id().toString()));

    List<String> fields =
        jdbc.sql(
                "select coalesce(field, action) from lead_history where lead_id = :id and action in"
                    + " ('UPDATED', 'STATUS_CHANGED') order by field")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(fields).containsExactlyInAnyOrder("lastName", "loanAmount", "tags", "status");
    assertThat(outboxTypes(id)).contains("LeadUpdated", "LeadStatusChanged");

    // The same version again: someone else's change came in between.
    mvc.perform(json(put("/api/leads/{id}", id), agent, changes))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/conflict"));
  }

  @Test
  void updateValidatesAndHidesInvisibleLeads() throws Exception {
    UUID id = fixtures.leadId(agent, "Edsger", "Dijkstra");
    mvc.perform(
            json(
                put("/api/leads/{id}", id),
                agent,
                Map.of("lastName", "Dijkstra", "propertyState", "ZZ", "version", 0)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("propertyState"));
    mvc.perform(json(put("/api/leads/{id}", id), agent, Map.of("lastName", "Dijkstra")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    mvc.perform(json(put("/api/leads/{id}", id), otherAgent, Map.of("lastName", "X", "version", 0)))
        .andExpect(status().isNotFound());

    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"lastName\":\"X\",\"version\":0}"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()))
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void updateToAnotherLeadsEmailIsADuplicate() throws Exception {
    fixtures.createLead(agent, Map.of("lastName", "One", "email", "one@example.com"));
    UUID two =
        UUID.fromString(
            fixtures
                .createLead(agent, Map.of("lastName", "Two", "email", "two@example.com"))
                .get("id")
                .asString());
    mvc.perform(
            json(
                put("/api/leads/{id}", two),
                agent,
                Map.of("lastName", "Two", "email", "one@example.com", "version", 0)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.duplicates[0].matchedOn[0]").value("EMAIL"));
  }

  @Test
  void kanbanMoveChangesStatusAndOrder() throws Exception {
    UUID first = fixtures.leadId(agent, "A", "First");
    UUID second = fixtures.leadId(agent, "B", "Second");
    UUID third = fixtures.leadId(agent, "C", "Third");
    for (UUID id : List.of(first, second, third)) {
      mvc.perform(json(put("/api/leads/{id}/status", id), agent, Map.of("status", "qualified")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("Qualified"));
    }
    // Column now: third, second, first (latest arrival on top). Move first between the others.
    mvc.perform(
            json(
                put("/api/leads/{id}/status", first),
                agent,
                Map.of("status", "Qualified", "position", 1)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/leads?status=Qualified&sort=position")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[*].id")
                .value(Matchers.contains(third.toString(), first.toString(), second.toString())));
    assertThat(outboxTypes(first)).filteredOn("LeadStatusChanged"::equals).hasSize(1);
    mvc.perform(json(put("/api/leads/{id}/status", first), agent, Map.of("status", "Nowhere")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/{id}/status", first)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"status\":\"New\"}"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()))
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void agentMaySetDoNotContactButOnlyManagersClearIt() throws Exception {
    UUID id = fixtures.leadId(agent, "Stop", "Calling");
    mvc.perform(
            json(
                put("/api/leads/{id}/do-not-contact", id),
                agent,
                Map.of("doNotContact", true, "reason", "Asked on the phone not to be called")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.doNotContact").value(true))
        .andExpect(jsonPath("$.doNotContactBy").value(agent.id().toString()));
    mvc.perform(
            json(put("/api/leads/{id}/do-not-contact", id), agent, Map.of("doNotContact", false)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                put("/api/leads/{id}/do-not-contact", id),
                supervisor,
                Map.of("doNotContact", false)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.doNotContact").value(false))
        .andExpect(jsonPath("$.doNotContactReason").doesNotExist());
    mvc.perform(
            json(put("/api/leads/{id}/do-not-contact", id), agent, Map.of("doNotContact", true)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("doNotContactReason"));
    List<String> history =
        jdbc.sql(
                "select new_value::text from lead_history where lead_id = :id"
                    + " and action = 'DO_NOT_CONTACT_CHANGED' order by id")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(history).containsExactly("true", "false");
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/{id}/do-not-contact", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"doNotContact\":true,\"reason\":\"x\"}"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()))
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void byPhoneFindsTheCallersLeadsInAnyFormat() throws Exception {
    UUID id =
        UUID.fromString(
            fixtures
                .createLead(agent, Map.of("lastName", "Caller", "phone", "201-555-0199"))
                .get("id")
                .asString());
    mvc.perform(
            get("/api/leads/by-phone/{phone}", "+12015550199")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phoneE164").value("+12015550199"))
        .andExpect(jsonPath("$.items[0].id").value(id.toString()));
    mvc.perform(
            get("/api/leads/by-phone/{phone}", "(201) 555-0199")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(id.toString()));
    mvc.perform(
            get("/api/leads/by-phone/{phone}", "+12015550199")
                .header(HttpHeaders.AUTHORIZATION, otherAgent.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(
            get("/api/leads/by-phone/{phone}", "+12015550199")
                .header(HttpHeaders.AUTHORIZATION, otherWorld.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(
            get("/api/leads/by-phone/{phone}", "12")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("phone"));
    EndpointSecurity.of(mvc, () -> get("/api/leads/by-phone/{phone}", "+12015550199"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
  }

  private List<String> outboxTypes(UUID leadId) {
    return jdbc.sql("select type from outbox_event where aggregate_id = :id order by id")
        .param("id", leadId)
        .query(String.class)
        .list();
  }

  static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, Member member, Object body) {
    return request
        .header(HttpHeaders.AUTHORIZATION, member.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .content(Fixtures.JSON.writeValueAsString(body));
  }
}
