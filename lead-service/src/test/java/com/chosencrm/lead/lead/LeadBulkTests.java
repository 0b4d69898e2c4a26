package com.chosencrm.lead.lead;

import static com.chosencrm.lead.lead.LeadControllerTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.pipeline.Pipeline;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LeadServiceTest
class LeadBulkTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired LeadProperties properties;
  @Autowired LeadQueries queries;
  @Autowired LeadHistory history;
  @Autowired LeadEvents events;
  @Autowired LeadAssignments assignments;
  @Autowired Pipeline pipeline;

  World world;
  World otherWorld;
  UUID team;
  Member supervisor;
  Member agent;
  Member teammate;
  Member outsider;
  List<UUID> teamLeads = new ArrayList<>();
  UUID outsiderLead;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    teammate = fixtures.agent(world, team);
    outsider = fixtures.agent(world, null);
    for (int i = 0; i < 4; i++) {
      teamLeads.add(
          UUID.fromString(
              fixtures
                  .createLead(
                      agent,
                      Map.of(
                          "lastName",
                          "Bulk" + i,
                          "source",
                          i < 2 ? "Zillow" : "Web",
                          "tags",
                          List.of("old")))
                  .get("id")
                  .asString()));
    }
    outsiderLead = fixtures.leadId(outsider, "Not", "Mine");
  }

  @Test
  void changeStatusByIdsIgnoresWhatTheCallerCannotSee() throws Exception {
    List<String> ids = new ArrayList<>(teamLeads.stream().map(UUID::toString).toList());
    ids.add(outsiderLead.toString());
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                supervisor,
                Map.of("action", "CHANGE_STATUS", "ids", ids, "status", "Contacted")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matched").value(4))
        .andExpect(jsonPath("$.changed").value(4));
    assertThat(statuses(teamLeads)).containsOnly("Contacted");
    assertThat(statuses(List.of(outsiderLead))).containsOnly("New");
    assertThat(
            count(
                "select count(*) from lead_history where lead_id = any(:ids) and action = 'STATUS_CHANGED'"))
        .isEqualTo(4);
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_id = any(:ids) and type = 'LeadStatusChanged'"))
        .isEqualTo(4);
  }

  @Test
  void tagsAreAddedAndRemovedByFilter() throws Exception {
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                world.admin(),
                Map.of(
                    "action",
                    "ADD_TAGS",
                    "filter",
                    Map.of("source", List.of("zillow")),
                    "tags",
                    List.of("Hot", "old"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matched").value(2))
        .andExpect(jsonPath("$.changed").value(2));
    assertThat(
            jdbc.sql("select array_to_string(tags, ',') from lead where id = :id")
                .param("id", teamLeads.getFirst())
                .query(String.class)
                .single())
        .isEqualTo("old,hot");
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                world.admin(),
                Map.of(
                    "action",
                    "REMOVE_TAGS",
                    "filter",
                    Map.of("tags", List.of("old")),
                    "tags",
                    List.of("old"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(4));
    assertThat(count("select count(*) from lead where id = any(:ids) and 'old' = any(tags)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_id = any(:ids) and type = 'LeadUpdated'"))
        .isEqualTo(6);
  }

  @Test
  void assignToATeamGoesRoundRobinAndDeleteIsSoft() throws Exception {
    List<String> ids = teamLeads.stream().map(UUID::toString).toList();
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                supervisor,
                Map.of(
                    "action", "ASSIGN", "ids", ids, "teamId", team.toString(), "reason", "Spread")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matched").value(4));
    assertThat(
            jdbc.sql("select assignee_id from lead where id = any(:ids)")
                .param("ids", teamLeads.toArray(UUID[]::new))
                .query(UUID.class)
                .list())
        .containsOnly(agent.id(), teammate.id())
        .filteredOn(teammate.id()::equals)
        .hasSize(2);
    mvc.perform(json(post("/api/leads/bulk"), supervisor, Map.of("action", "DELETE", "ids", ids)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(4));
    assertThat(count("select count(*) from lead where id = any(:ids) and deleted_at is not null"))
        .isEqualTo(4);
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_id = any(:ids) and type = 'LeadDeleted'"))
        .isEqualTo(4);
  }

  @Test
  void moreIdsThanTheCapAreRefused() throws Exception {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= properties.bulkLimit(); i++) {
      tooMany.add(UUID.randomUUID().toString());
    }
    mvc.perform(
            json(
                post("/api/leads/bulk"), world.admin(), Map.of("action", "DELETE", "ids", tooMany)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ids"));
  }

  @Test
  void aFilterSelectingMoreThanTheCapIsRefusedRatherThanCut() {
    LeadBulkActions capped =
        new LeadBulkActions(
            jdbc,
            queries,
            history,
            events,
            assignments,
            pipeline,
            new LeadProperties(Duration.ofDays(30), 3, Duration.ofHours(1)),
            Clock.systemUTC());
    LeadBulkActions.BulkAction deleteAll =
        new LeadBulkActions.BulkAction(
            LeadBulkActions.Kind.DELETE, null, LeadFilter.none(), null, null, null, null, null);

    assertThatThrownBy(() -> capped.apply(world.admin().currentUser(), deleteAll))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("at most 3 leads");
    assertThat(count("select count(*) from lead where id = any(:ids) and deleted_at is null"))
        .isEqualTo(4);
  }

  @Test
  void bulkRequestsAreValidated() throws Exception {
    mvc.perform(json(post("/api/leads/bulk"), world.admin(), Map.of("action", "DELETE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ids"));
    mvc.perform(json(post("/api/leads/bulk"), world.admin(), Map.of("ids", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("action"));
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                world.admin(),
                Map.of("action", "EXPLODE", "ids", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("action"));
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                world.admin(),
                Map.of("action", "CHANGE_STATUS", "ids", List.of(), "status", "Nowhere")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                world.admin(),
                Map.of("action", "ADD_TAGS", "ids", List.of())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("tags"));
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                supervisor,
                Map.of(
                    "action",
                    "ASSIGN",
                    "ids",
                    List.of(teamLeads.getFirst().toString()),
                    "assigneeId",
                    outsider.id().toString())))
        .andExpect(status().isForbidden());
  }

  @Test
  void bulkSecurity() {
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads/bulk")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"DELETE\",\"ids\":[\"" + teamLeads.getFirst() + "\"]}"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
        .forbids(agent.token());
  }

  @Test
  void anotherTenantsIdsAreNotTouched() throws Exception {
    mvc.perform(
            json(
                post("/api/leads/bulk"),
                otherWorld.admin(),
                Map.of("action", "DELETE", "ids", List.of(teamLeads.getFirst().toString()))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matched").value(0))
        .andExpect(jsonPath("$.changed").value(0));
    assertThat(count("select count(*) from lead where id = any(:ids) and deleted_at is null"))
        .isEqualTo(4);
  }

  private long count(String sql) {
    return jdbc.sql(sql).param("ids", teamLeads.toArray(UUID[]::new)).query(Long.class).single();
  }

  private List<String> statuses(List<UUID> ids) {
    return jdbc.sql(
            "select s.name from lead l join pipeline_stage s on s.id = l.stage_id where l.id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(String.class)
        .list();
  }
}
