package com.chosencrm.user.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.common.security.TokenRevocations;
import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.auth.AuthCalls;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class PlatformTenantsControllerTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired TokenRevocations revocations;
  @Autowired TenantSuspensions suspensions;
  @Autowired JdbcClient jdbc;

  AuthCalls auth;
  Member operator;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
    operator =
        fixtures.member(
            tenants.platformTenant().id(), Set.of(Role.PLATFORM_ADMIN), null, "operator");
  }

  private String list(String cursor, int limit) throws Exception {
    var request =
        get("/api/platform/tenants")
            .param("limit", String.valueOf(limit))
            .header(HttpHeaders.AUTHORIZATION, operator.bearer());
    if (cursor != null) {
      request.param("cursor", cursor);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long auditCount(UUID tenantId, String action) {
    return jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = :a")
        .param("t", tenantId)
        .param("a", action)
        .query(Long.class)
        .single();
  }

  @Test
  void whenOperatorPagesThroughTenants_thenEveryCustomerTenantAppearsOnceWithItsUserCount()
      throws Exception {
    World small = fixtures.newTenant();
    World large = fixtures.newTenant();
    fixtures.agent(large);
    fixtures.supervisor(large);

    Map<String, Integer> userCounts = new HashMap<>();
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String page = list(cursor, 2);
      List<Map<String, Object>> items = JsonPath.read(page, "$.items");
      assertThat(items).hasSizeLessThanOrEqualTo(2);
      for (Map<String, Object> item : items) {
        ids.add((String) item.get("id"));
        userCounts.put((String) item.get("id"), ((Number) item.get("userCount")).intValue());
      }
      cursor = JsonPath.read(page, "$.nextCursor");
    } while (cursor != null);

    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(userCounts)
        .containsEntry(small.tenantId().toString(), 1)
        .containsEntry(large.tenantId().toString(), 3)
        .doesNotContainKey(tenants.platformTenant().id().toString());
  }

  @Test
  void whenLimitOrCursorIsInvalid_thenFieldErrors() throws Exception {
    mvc.perform(
            get("/api/platform/tenants")
                .param("limit", "0")
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(
            get("/api/platform/tenants")
                .param("cursor", "bm90LWEtdXVpZA")
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("cursor"));
  }

  @Test
  void whenCallerIsNotAPlatformOperator_thenPlatformEndpointsAreForbidden() {
    World world = fixtures.newTenant();
    String admin = world.admin().token();
    String agent = fixtures.agent(world).token();
    UUID ownTenant = world.tenantId();

    EndpointSecurity.of(mvc, () -> get("/api/platform/tenants"))
        .rejectsMissingToken()
        .forbids(admin)
        .forbids(agent);
    // A tenant admin may not suspend even their own tenant: 403, not 404.
    EndpointSecurity.of(mvc, () -> post("/api/platform/tenants/{id}/suspend", ownTenant))
        .rejectsMissingToken()
        .forbids(admin)
        .forbids(agent);
    EndpointSecurity.of(mvc, () -> post("/api/platform/tenants/{id}/reactivate", ownTenant))
        .rejectsMissingToken()
        .forbids(admin)
        .forbids(agent);
    assertThat(tenants.get(ownTenant).isActive()).isTrue();
  }

  @Test
  void whenOperatorSuspendsATenant_thenItsUsersAreShutOutUntilReactivation() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session session = auth.signIn(agent.email(), Fixtures.PASSWORD);

    mvc.perform(
            post("/api/platform/tenants/{id}/suspend", world.tenantId())
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(world.tenantId().toString()))
        .andExpect(jsonPath("$.status").value("SUSPENDED"))
        .andExpect(jsonPath("$.suspendedAt").isNotEmpty());

    auth.me(session.accessToken()).andExpect(status().isUnauthorized());
    auth.refresh(session.refreshToken()).andExpect(status().isForbidden());
    auth.login(agent.email(), Fixtures.PASSWORD).andExpect(status().isForbidden());
    assertThat(auditCount(world.tenantId(), "TENANT_SUSPENDED")).isEqualTo(1);

    mvc.perform(
            post("/api/platform/tenants/{id}/reactivate", world.tenantId())
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.suspendedAt").doesNotExist());

    AuthCalls.Session again = auth.signIn(agent.email(), Fixtures.PASSWORD);
    auth.me(again.accessToken()).andExpect(status().isOk());
    auth.refresh(session.refreshToken()).andExpect(status().isOk());
    assertThat(auditCount(world.tenantId(), "TENANT_REACTIVATED")).isEqualTo(1);
    assertThat(
            jdbc.sql("select type from outbox_event where tenant_id = :t order by id")
                .param("t", world.tenantId())
                .query(String.class)
                .list())
        .endsWith("TenantSuspended", "TenantReactivated");
  }

  @Test
  void whenTenantIsUnknownOrThePlatformItself_thenNotFound() throws Exception {
    for (UUID id : List.of(UUID.randomUUID(), tenants.platformTenant().id())) {
      mvc.perform(
              post("/api/platform/tenants/{id}/suspend", id)
                  .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/not-found"));
    }
    mvc.perform(
            post("/api/platform/tenants/{id}/reactivate", "not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void whenRedisLostTheSuspensions_thenResynchronisingRestoresThem() throws Exception {
    World world = fixtures.newTenant();
    mvc.perform(
            post("/api/platform/tenants/{id}/suspend", world.tenantId())
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isOk());
    // What a flushed Redis looks like: the deny-list entry is gone, the database still knows.
    revocations.reactivateTenant(world.tenantId());
    auth.me(world.admin().token()).andExpect(status().isOk());

    suspensions.resynchronise();

    auth.me(world.admin().token()).andExpect(status().isUnauthorized());
  }
}
