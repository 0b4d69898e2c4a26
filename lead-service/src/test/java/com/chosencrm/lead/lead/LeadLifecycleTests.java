package com.chosencrm.lead.lead;

import static com.chosencrm.lead.lead.LeadControllerTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** History, soft deletion, restore and purge. */
@LeadServiceTest
class LeadLifecycleTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired LeadPurge purge;

  World world;
  World otherWorld;
  UUID team;
  Member supervisor;
  Member agent;
  Member outsider;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    outsider = fixtures.agent(world, null);
  }

  @Test
  void historyRecordsEveryChangeWithActorAndRequestNewestFirst() throws Exception {
    UUID id = fixtures.leadId(agent, "Hedy", "Lamarr");
    mvc.perform(
            json(
                    put("/api/leads/{id}", id),
                    agent,
                    Map.of("firstName", "Hedy", "lastName", "Markey", "version", 0))
                .header("X-Request-Id", "req-rename-1"))
        .andExpect(status().isOk());
    mvc.perform(json(put("/api/leads/{id}/status", id), agent, Map.of("status", "Contacted")))
        .andExpect(status().isOk());

    JsonNode page = history(agent, id, "");
    List<String> actions = new ArrayList<>();
    page.get("items").forEach(e -> actions.add(e.get("action").asString()));
    assertThat(actions).containsExactly("STATUS_CHANGED", "UPDATED", "ASSIGNED", "CREATED");
    JsonNode rename = page.get("items").get(1);
    assertThat(rename.get("field").asString()).isEqualTo("lastName");
    assertThat(rename.get("oldValue").asString()).isEqualTo("Lamarr");
    assertThat(rename.get("newValue").asString()).isEqualTo("Markey");
    assertThat(rename.get("actorId").asString()).isEqualTo(agent.id().toString());
    // Named from the users lead-service knows, so that every reader sees who it was.
    assertThat(rename.get("actorName").asString()).matches("User Number\\d+");
    assertThat(rename.get("requestId").asString()).isEqualTo("req-rename-1");
    JsonNode assigned = page.get("items").get(2);
    assertThat(assigned.get("newValue").asString()).isEqualTo(agent.id().toString());

    // Keyset pages of one entry each still give all four, once.
    List<String> paged = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode one = history(agent, id, "&limit=1" + cursor);
      one.get("items").forEach(e -> paged.add(e.get("id").asString()));
      cursor =
          one.get("nextCursor").isNull() ? null : "&cursor=" + one.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(paged).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void historySecurity() throws Exception {
    UUID id = fixtures.leadId(agent, "Ada", "Secret");
    mvc.perform(
            get("/api/leads/{id}/history", id).header(HttpHeaders.AUTHORIZATION, outsider.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/leads/{id}/history", id)
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isOk());
    EndpointSecurity.of(mvc, () -> get("/api/leads/{id}/history", id))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()))
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void deleteIsSoftAndAdminsRestoreIt() throws Exception {
    UUID id = fixtures.leadId(agent, "Soft", "Delete");
    mvc.perform(delete("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(
            delete("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isNotFound());
    // Admins still see it, marked deleted, and can restore it.
    mvc.perform(
            get("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deletedAt").exists());
    mvc.perform(
            post("/api/leads/{id}/restore", id)
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/leads/{id}/restore", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deletedAt").doesNotExist());
    mvc.perform(get("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/leads/{id}/restore", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNotFound());
    assertThat(outboxTypes(id)).contains("LeadDeleted", "LeadRestored");
  }

  @Test
  void deleteAndRestoreSecurity() throws Exception {
    UUID id = fixtures.leadId(agent, "Guarded", "Lead");
    EndpointSecurity.of(mvc, () -> delete("/api/leads/{id}", id))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
        .forbids(agent.token())
        .hidesFrom(otherWorld.admin().token());
    mvc.perform(
            delete("/api/leads/{id}", id).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNoContent());
    EndpointSecurity.of(mvc, () -> post("/api/leads/{id}/restore", id))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(world.admin().id(), world.tenantId()).roles("ADMIN"))
        .forbids(supervisor.token())
        .hidesFrom(otherWorld.admin().token());
  }

  @Test
  void afterThirtyDaysALeadCannotBeRestoredAndIsPurged() throws Exception {
    UUID old = fixtures.leadId(agent, "Long", "Gone");
    UUID recent = fixtures.leadId(agent, "Just", "Deleted");
    for (UUID id : List.of(old, recent)) {
      mvc.perform(
              delete("/api/leads/{id}", id)
                  .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
          .andExpect(status().isNoContent());
    }
    jdbc.sql("update lead set deleted_at = :at where id = :id")
        .param("at", Instant.now().minus(Duration.ofDays(31)).atOffset(ZoneOffset.UTC))
        .param("id", old)
        .update();
    mvc.perform(
            post("/api/leads/{id}/restore", old)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNotFound());

    assertThat(count("select count(*) from lead_assignment where lead_id = :id", old)).isOne();

    assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

    assertThat(count("select count(*) from lead where id = :id", old)).isZero();
    assertThat(count("select count(*) from lead_history where lead_id = :id", old)).isZero();
    assertThat(count("select count(*) from lead_assignment where lead_id = :id", old)).isZero();
    assertThat(count("select count(*) from lead_history where lead_id = :id", recent)).isPositive();
    assertThat(count("select count(*) from lead where id = :id", recent)).isOne();
  }

  private long count(String sql, UUID id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  private List<String> outboxTypes(UUID leadId) {
    return jdbc.sql("select type from outbox_event where aggregate_id = :id order by id")
        .param("id", leadId)
        .query(String.class)
        .list();
  }

  private JsonNode history(Member member, UUID id, String query) throws Exception {
    return Fixtures.read(
        mvc.perform(
                get("/api/leads/" + id + "/history?x=1" + query)
                    .header(HttpHeaders.AUTHORIZATION, member.bearer()))
            .andExpect(status().isOk())
            .andReturn());
  }
}
