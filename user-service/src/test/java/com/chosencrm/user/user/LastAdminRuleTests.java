package com.chosencrm.user.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A tenant always keeps at least one active admin, even when admins act at the same moment. */
@UserServiceTest
class LastAdminRuleTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired PlatformTransactionManager transactions;

  Api api;
  ChangeRecords records;
  World world;
  Member admin;
  ExecutorService executor = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() {
    api = new Api(mvc, json);
    records = new ChangeRecords(jdbc, json);
    world = fixtures.newTenant();
    admin = world.admin();
  }

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
  }

  @Test
  void whenTheLastAdminIsDemoted_thenBusinessRuleProblem() throws Exception {
    mvc.perform(
            api.as(admin, put("/api/users/{id}/roles", admin.id()))
                .content(api.body("roles", List.of("AGENT"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/business-rule"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "You cannot remove the admin role from the last active admin; make another"
                        + " user an admin first"));
    assertThat(activeAdmins()).isEqualTo(1);
    assertThat(records.events("UserRoleChanged", admin.id())).isEmpty();
  }

  @Test
  void whenTheLastAdminIsDeactivatedOrDeleted_thenBusinessRuleProblem() throws Exception {
    mvc.perform(api.as(admin, post("/api/users/{id}/deactivate", admin.id())))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(api.as(admin, delete("/api/users/{id}", admin.id())))
        .andExpect(status().isUnprocessableContent());
    assertThat(activeAdmins()).isEqualTo(1);
  }

  @Test
  void whenADeactivatedAdminIsAllThatWouldRemain_thenTheLastActiveAdminIsKept() throws Exception {
    Member dormant = fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "dormant");
    mvc.perform(api.as(admin, post("/api/users/{id}/deactivate", dormant.id())))
        .andExpect(status().isOk());
    mvc.perform(
            api.as(admin, put("/api/users/{id}/roles", admin.id()))
                .content(api.body("roles", List.of("SUPERVISOR"))))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void whenAnotherActiveAdminExists_thenAnAdminMayBeDemotedDeactivatedOrDeleted() throws Exception {
    Member second = fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "second");
    Member third = fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "third");
    mvc.perform(
            api.as(admin, put("/api/users/{id}/roles", second.id()))
                .content(api.body("roles", List.of("AGENT"))))
        .andExpect(status().isOk());
    mvc.perform(api.as(admin, post("/api/users/{id}/deactivate", third.id())))
        .andExpect(status().isOk());
    mvc.perform(api.as(admin, delete("/api/users/{id}", third.id())))
        .andExpect(status().isNoContent());
    assertThat(activeAdmins()).isEqualTo(1);
  }

  @Test
  void whenAdminRowsAreLockedByAnotherChange_thenDemotionWaitsAndSeesItsOutcome() throws Exception {
    Member other = fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "other");
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Another transaction holds the admin rows while it takes the admin role from `admin`...
    Future<?> holder =
        executor.submit(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          jdbc.sql("select id from app_user where id = :id for update")
                              .param("id", admin.id())
                              .query()
                              .listOfRows();
                          jdbc.sql("delete from user_role where user_id = :id and role = 'ADMIN'")
                              .param("id", admin.id())
                              .update();
                          locked.countDown();
                          await(release);
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

    // ...meanwhile `admin`, whose token still says ADMIN, demotes the only other admin.
    Future<Integer> demotion =
        executor.submit(
            () ->
                mvc.perform(
                        api.as(admin, put("/api/users/{id}/roles", other.id()))
                            .content(api.body("roles", List.of("AGENT"))))
                    .andReturn()
                    .getResponse()
                    .getStatus());
    Thread.sleep(500);
    assertThat(demotion.isDone()).as("demotion waits for the admin rows").isFalse();

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    assertThat(demotion.get(10, TimeUnit.SECONDS)).isEqualTo(422);
    assertThat(activeAdmins()).isEqualTo(1);
  }

  @Test
  void whenTwoAdminsDemoteEachOtherAtOnce_thenOneAdminRemains() throws Exception {
    for (int round = 0; round < 3; round++) {
      World tenant = fixtures.newTenant();
      Member first = tenant.admin();
      Member second = fixtures.member(tenant.tenantId(), Set.of(Role.ADMIN), null, "second");
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Integer>> outcomes = new ArrayList<>();
      outcomes.add(executor.submit(() -> demote(first, second.id(), start)));
      outcomes.add(executor.submit(() -> demote(second, first.id(), start)));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> outcome : outcomes) {
        statuses.add(outcome.get(20, TimeUnit.SECONDS));
      }

      // The loser is refused by the rule, or, if it came late, by its cut-off token.
      assertThat(statuses).containsOnlyOnce(200);
      assertThat(statuses).containsAnyOf(422, 401);
      assertThat(activeAdmins(tenant.tenantId())).isEqualTo(1);
    }
  }

  private int demote(Member actor, UUID target, CyclicBarrier start) throws Exception {
    var request =
        api.as(actor, put("/api/users/{id}/roles", target))
            .content(api.body("roles", List.of("AGENT")));
    start.await(10, TimeUnit.SECONDS);
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  private long activeAdmins() {
    return activeAdmins(world.tenantId());
  }

  private long activeAdmins(UUID tenantId) {
    return jdbc.sql(
            """
            select count(*) from app_user u join user_role r on r.user_id = u.id
            where u.tenant_id = :tenantId and u.active and r.role = 'ADMIN'
            """)
        .param("tenantId", tenantId)
        .query(Long.class)
        .single();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The test never released the lock");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
