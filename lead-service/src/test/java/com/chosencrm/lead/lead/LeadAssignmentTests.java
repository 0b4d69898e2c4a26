package com.chosencrm.lead.lead;

import static com.chosencrm.lead.lead.LeadControllerTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Assign, reassign and reassign-all. */
@LeadServiceTest
class LeadAssignmentTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  World world;
  World otherWorld;
  UUID team;
  UUID otherTeam;
  Member supervisor;
  Member agent;
  Member teammate;
  Member outsider;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    team = fixtures.team(world);
    otherTeam = fixtures.team(world);
    supervisor = fixtures.supervisor(world, team);
    agent = fixtures.agent(world, team);
    teammate = fixtures.agent(world, team);
    outsider = fixtures.agent(world, otherTeam);
  }

  @Test
  void adminAssignsAnUnassignedLeadAndItIsRecorded() throws Exception {
    UUID id = fixtures.leadId(world.admin(), "No", "Owner");
    mvc.perform(
            json(
                post("/api/leads/{id}/assign", id),
                world.admin(),
                Map.of("userId", agent.id().toString(), "reason", "Speaks Spanish")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assigneeId").value(agent.id().toString()))
        .andExpect(jsonPath("$.assignedAt").exists());
    assertThat(
            jdbc.sql("select method || ':' || reason from lead_assignment where lead_id = :id")
                .param("id", id)
                .query(String.class)
                .list())
        .containsExactly("MANUAL:Speaks Spanish");
    assertThat(
            jdbc.sql("select reason from lead_history where lead_id = :id and action = 'ASSIGNED'")
                .param("id", id)
                .query(String.class)
                .list())
        .containsExactly("Speaks Spanish");
    assertThat(outbox(id)).contains("LeadAssigned");
    // Assigned now: a second assign is a conflict; reassign is the way.
    mvc.perform(
            json(
                post("/api/leads/{id}/assign", id),
                world.admin(),
                Map.of("userId", teammate.id().toString())))
        .andExpect(status().isConflict());
  }

  @Test
  void supervisorReassignsWithinTheTeamOnlyAndNeedsAReason() throws Exception {
    UUID id = fixtures.leadId(agent, "Team", "Lead");
    mvc.perform(
            json(
                post("/api/leads/{id}/reassign", id),
                supervisor,
                Map.of("userId", teammate.id().toString())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            json(
                post("/api/leads/{id}/reassign", id),
                supervisor,
                Map.of("userId", outsider.id().toString(), "reason", "Load")))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                post("/api/leads/{id}/reassign", id),
                supervisor,
                Map.of("userId", teammate.id().toString(), "reason", "Vacation")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assigneeId").value(teammate.id().toString()));
    mvc.perform(
            json(
                post("/api/leads/{id}/reassign", id),
                world.admin(),
                Map.of("userId", UUID.randomUUID().toString(), "reason", "Nobody")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
  }

  @Test
  void assignAndReassignSecurity() throws Exception {
    UUID id = fixtures.leadId(agent, "Secure", "Lead");
    for (String action : List.of("assign", "reassign")) {
      EndpointSecurity.of(
              mvc,
              () ->
                  post("/api/leads/{id}/" + action, id)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"userId\":\"" + teammate.id() + "\",\"reason\":\"r\"}"))
          .rejectsMissingAndBrokenTokens(
              TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
          .forbids(agent.token())
          .hidesFrom(otherWorld.admin().token());
    }
    // A lead of another team is invisible to the supervisor.
    UUID foreignTeamLead = fixtures.leadId(outsider, "Other", "Team");
    mvc.perform(
            json(
                post("/api/leads/{id}/reassign", foreignTeamLead),
                supervisor,
                Map.of("userId", teammate.id().toString(), "reason", "Grab")))
        .andExpect(status().isNotFound());
  }

  @Test
  void reassignAllMovesEveryLeadRoundRobinOverATeam() throws Exception {
    List<UUID> leads = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leads.add(fixtures.leadId(outsider, "Book", "Lead" + i));
    }
    Member third = fixtures.agent(world, team);

    mvc.perform(
            json(
                post("/api/leads/assignment/reassign-all"),
                world.admin(),
                Map.of(
                    "fromUserId",
                    outsider.id().toString(),
                    "toTeamId",
                    team.toString(),
                    "reason",
                    "Left the company")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reassigned").value(7));

    Map<UUID, Integer> counts = new HashMap<>();
    jdbc.sql("select assignee_id from lead where id = any(:ids)")
        .param("ids", leads.toArray(UUID[]::new))
        .query(UUID.class)
        .list()
        .forEach(a -> counts.merge(a, 1, Integer::sum));
    // Only the team's agents take part (the supervisor is no AGENT), evenly.
    assertThat(counts.keySet()).containsExactlyInAnyOrder(agent.id(), teammate.id(), third.id());
    assertThat(counts.values()).allMatch(c -> c == 2 || c == 3);
  }

  @Test
  void reassignAllByASupervisorStaysWithinTheTeam() throws Exception {
    fixtures.leadId(agent, "Mine", "One");
    mvc.perform(
            json(
                post("/api/leads/assignment/reassign-all"),
                supervisor,
                Map.of(
                    "fromUserId",
                    outsider.id().toString(),
                    "toUserId",
                    agent.id().toString(),
                    "reason",
                    "x")))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                post("/api/leads/assignment/reassign-all"),
                supervisor,
                Map.of(
                    "fromUserId",
                    agent.id().toString(),
                    "toUserId",
                    teammate.id().toString(),
                    "reason",
                    "Leave")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reassigned").value(1));
    mvc.perform(
            json(
                post("/api/leads/assignment/reassign-all"),
                supervisor,
                Map.of("fromUserId", agent.id().toString(), "toUserId", teammate.id().toString())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads/assignment/reassign-all")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"fromUserId\":\""
                            + agent.id()
                            + "\",\"toUserId\":\""
                            + teammate.id()
                            + "\",\"reason\":\"r\"}"))
        .rejectsMissingAndBrokenTokens(
            TestTokens.user(supervisor.id(), world.tenantId()).roles("SUPERVISOR"))
        .forbids(agent.token())
        .hidesFrom(otherWorld.admin().token());
  }

  private List<String> outbox(UUID id) {
    return jdbc.sql("select type from outbox_event where aggregate_id = :id order by id")
        .param("id", id)
        .query(String.class)
        .list();
  }
}
