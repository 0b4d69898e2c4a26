package com.chosencrm.user.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.user.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class AuditControllerTests {

  private static final String PATH = "/api/settings/audit";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;

  @Test
  void whenAdminLists_thenEntriesComeNewestFirstWithEverything() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String first = changeFlag(world.admin(), "smsCampaigns", true);
    String second = createField(world.admin(), "source");
    String third = changeFlag(world.admin(), "smsCampaigns", false);

    String body = list(world.admin(), Map.of());

    assertThat(requestIds(body)).containsSubsequence(third, second, first);
    Map<String, Object> newest = JsonPath.read(body, "$.items[0]");
    assertThat(newest)
        .containsKeys(
            "id",
            "occurredAt",
            "actorId",
            "actorEmail",
            "action",
            "targetType",
            "targetId",
            "details",
            "requestId");
    assertThat(newest.get("action")).isEqualTo("FEATURE_FLAGS_CHANGED");
    assertThat(newest.get("actorId")).isEqualTo(world.admin().id().toString());
    assertThat(newest.get("actorEmail")).isEqualTo(world.admin().email());
    assertThat(newest.get("requestId")).isEqualTo(third);
    assertThat(Instant.parse((String) newest.get("occurredAt")))
        .isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void whenFilteredByAction_thenOnlyThatActionIsListed() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    changeFlag(world.admin(), "smsCampaigns", true);
    String fieldRequest = createField(world.admin(), "source");

    String body = list(world.admin(), Map.of("action", "CUSTOM_FIELDS_CHANGED"));

    assertThat((List<String>) JsonPath.read(body, "$.items[*].action"))
        .containsOnly("CUSTOM_FIELDS_CHANGED");
    assertThat(requestIds(body)).containsExactly(fieldRequest);
  }

  @Test
  void whenFilteredByActor_thenOnlyThatActorsEntriesAreListed() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Fixtures.Member secondAdmin =
        fixtures.member(world.tenantId(), Set.of(Role.ADMIN), null, "admin");
    changeFlag(world.admin(), "smsCampaigns", true);
    String theirs = changeFlag(secondAdmin, "aiCoaching", true);

    String body = list(world.admin(), Map.of("actorId", secondAdmin.id().toString()));

    assertThat(requestIds(body)).containsExactly(theirs);
  }

  @Test
  void whenFilteredByTime_thenOnlyEntriesInsideTheWindowAreListed() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String before = changeFlag(world.admin(), "smsCampaigns", true);
    Thread.sleep(20);
    Instant from = Instant.now();
    Thread.sleep(20);
    String during = changeFlag(world.admin(), "aiCoaching", true);
    Thread.sleep(20);
    Instant to = Instant.now();
    Thread.sleep(20);
    String after = changeFlag(world.admin(), "clickToCall", true);

    String body = list(world.admin(), Map.of("from", from.toString(), "to", to.toString()));

    assertThat(requestIds(body)).containsExactly(during).doesNotContain(before, after);
  }

  @Test
  void whenMoreEntriesThanTheLimit_thenCursorWalksThroughEveryPage() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    List<String> made = new ArrayList<>();
    for (String flag : List.of("smsCampaigns", "aiCoaching", "clickToCall")) {
      made.add(changeFlag(world.admin(), flag, true));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> params = new java.util.HashMap<>();
      params.put("limit", "1");
      params.put("action", "FEATURE_FLAGS_CHANGED");
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      String body = list(world.admin(), params);
      seen.addAll(requestIds(body));
      cursor = JsonPath.read(body, "$.nextCursor");
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactly(made.get(2), made.get(1), made.get(0));
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void whenParametersAreInvalid_thenValidationProblemNamesTheParameter() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Instant now = Instant.now();
    Map<Map<String, String>, String> cases =
        Map.of(
            Map.of("limit", "0"), "limit",
            Map.of("limit", "201"), "limit",
            Map.of("cursor", "not-a-cursor"), "cursor",
            Map.of("action", "TELEPORTED"), "action",
            Map.of("actorId", "someone"), "actorId",
            Map.of("from", "yesterday"), "from",
            Map.of("from", now.toString(), "to", now.minusSeconds(60).toString()), "from");
    for (var c : cases.entrySet()) {
      MockHttpServletRequestBuilder request =
          get(PATH).header(HttpHeaders.AUTHORIZATION, world.admin().bearer());
      c.getKey().forEach(request::param);
      mvc.perform(request)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
          .andExpect(jsonPath("$.errors[0].field").value(c.getValue()));
    }
  }

  @Test
  void whenCallerHasNoToken_thenUnauthorized() {
    EndpointSecurity.of(mvc, () -> get(PATH)).rejectsMissingToken();
  }

  @Test
  void whenAgentOrSupervisorLists_thenForbidden() {
    Fixtures.World world = fixtures.newTenant();
    EndpointSecurity.of(mvc, () -> get(PATH))
        .forbids(fixtures.agent(world).token())
        .forbids(fixtures.supervisor(world).token());
  }

  @Test
  void whenAnotherTenantsAdminLists_thenNoneOfThisTenantsEntriesAppear() throws Exception {
    Fixtures.World a = fixtures.newTenant();
    Fixtures.World b = fixtures.newTenant();
    String aFlag = changeFlag(a.admin(), "smsCampaigns", true);
    String aField = createField(a.admin(), "source");
    String bFlag = changeFlag(b.admin(), "smsCampaigns", true);

    String body = list(b.admin(), Map.of());

    assertThat(requestIds(body)).contains(bFlag).doesNotContain(aFlag, aField);
    assertThat((List<String>) JsonPath.read(body, "$.items[*].actorId"))
        .doesNotContain(a.admin().id().toString());
    // Even asking for A's admin by id finds nothing.
    assertThat(requestIds(list(b.admin(), Map.of("actorId", a.admin().id().toString())))).isEmpty();
  }

  private String list(Fixtures.Member admin, Map<String, String> params) throws Exception {
    MockHttpServletRequestBuilder request =
        get(PATH).header(HttpHeaders.AUTHORIZATION, admin.bearer());
    params.forEach(request::param);
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static List<String> requestIds(String body) {
    return JsonPath.read(body, "$.items[*].requestId");
  }

  /** Changes a flag under a request id of its own, and returns that id. */
  private String changeFlag(Fixtures.Member admin, String key, boolean value) throws Exception {
    String requestId = "audit-" + UUID.randomUUID();
    mvc.perform(
            put("/api/settings/features")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of(key, value))))
        .andExpect(status().isOk());
    return requestId;
  }

  private String createField(Fixtures.Member admin, String key) throws Exception {
    String requestId = "audit-" + UUID.randomUUID();
    mvc.perform(
            post("/api/settings/custom-fields")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of("entity", "LEAD", "key", key, "label", key, "type", "TEXT"))))
        .andExpect(status().isCreated());
    return requestId;
  }
}
