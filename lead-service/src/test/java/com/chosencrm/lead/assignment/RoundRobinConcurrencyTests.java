package com.chosencrm.lead.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.lead.LeadCommands.DuplicatePolicy;
import com.chosencrm.lead.lead.LeadCommands.NewLead;
import com.chosencrm.lead.lead.LeadService;
import com.chosencrm.lead.lead.LeadView;
import com.chosencrm.lead.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Many leads created at once from several threads (as several instances would): the pointer row
 * lock makes them take turns, so the team's agents end up with counts at most one apart.
 */
@LeadServiceTest
class RoundRobinConcurrencyTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired LeadService leads;
  @Autowired Pipeline pipeline;

  @Test
  void concurrentAssignmentsAreFair() throws Exception {
    World world = fixtures.newTenant();
    UUID team = fixtures.team(world);
    List<Member> agents =
        List.of(
            fixtures.agent(world, team), fixtures.agent(world, team), fixtures.agent(world, team));
    mvc.perform(
            AssignmentRulesTests.json(
                put("/api/leads/assignment/rules"),
                world.admin(),
                Map.of(
                    "rules",
                    List.of(
                        AssignmentRulesTests.rule(
                            "Everyone",
                            Map.of(),
                            Map.of("type", "TEAM_ROUND_ROBIN", "teamId", team.toString()))))))
        .andExpect(status().isOk());
    pipeline.stages(world.tenantId());

    int threads = 6;
    int perThread = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<UUID> assignees = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                  NewLead lead =
                      new NewLead(
                          null,
                          "Concurrent" + thread + "-" + i,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          false,
                          null,
                          null);
                  LeadView created =
                      fixtures.as(
                          world.admin(),
                          () ->
                              leads.create(
                                  world.admin().currentUser(), lead, DuplicatePolicy.ALLOW));
                  assignees.add(created.assigneeId());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    Map<UUID, Integer> counts = new HashMap<>();
    assignees.forEach(a -> counts.merge(a, 1, Integer::sum));
    assertThat(assignees).hasSize(threads * perThread).doesNotContainNull();
    assertThat(counts.keySet())
        .containsExactlyInAnyOrderElementsOf(agents.stream().map(Member::id).toList());
    int max = Collections.max(counts.values());
    int min = Collections.min(counts.values());
    assertThat(max - min).isLessThanOrEqualTo(1);
  }
}
