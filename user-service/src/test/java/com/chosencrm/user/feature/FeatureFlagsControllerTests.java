package com.chosencrm.user.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.settings.OutboxRows;
import com.chosencrm.user.settings.TenantSettingsChanged;
import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.JsonPathResultMatchers;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class FeatureFlagsControllerTests {

  private static final String PATH = "/api/settings/features";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired FeatureFlagService flags;

  @Test
  void whenNothingIsSet_thenEveryRoleReadsEveryFlagWithItsDefaultAndMetadata() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    for (Fixtures.Member member :
        List.of(world.admin(), fixtures.supervisor(world), fixtures.agent(world))) {
      read(member)
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.length()").value(FeatureFlag.values().length))
          .andExpect(flag("maxUsers", "type").value("INTEGER"))
          .andExpect(flag("maxUsers", "value").value(25))
          .andExpect(flag("maxUsers", "defaultValue").value(25))
          .andExpect(flag("maxUsers", "minimum").value(1))
          .andExpect(flag("maxUsers", "overridden").value(false))
          .andExpect(flag("smsCampaigns", "type").value("BOOLEAN"))
          .andExpect(flag("smsCampaigns", "value").value(false))
          .andExpect(flag("smsCampaigns", "description").isNotEmpty())
          .andExpect(flag("leadDedupeMatch", "type").value("STRING"))
          .andExpect(
              flag("leadDedupeMatch", "allowedValues")
                  .value(contains(List.of("EMAIL", "PHONE", "EMAIL_OR_PHONE", "NONE"))));
    }
  }

  @Test
  void whenAdminSetsSomeFlags_thenOnlyThoseChange() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    write(world.admin(), Map.of("smsCampaigns", true, "maxUsers", 40, "leadDedupeMatch", "EMAIL"))
        .andExpect(status().isOk())
        .andExpect(flag("smsCampaigns", "value").value(true))
        .andExpect(flag("smsCampaigns", "overridden").value(true))
        .andExpect(flag("smsCampaigns", "updatedBy").value(world.admin().id().toString()))
        .andExpect(flag("maxUsers", "value").value(40))
        .andExpect(flag("leadDedupeMatch", "value").value("EMAIL"));

    read(fixtures.agent(world))
        .andExpect(flag("smsCampaigns", "value").value(true))
        .andExpect(flag("maxUsers", "value").value(40))
        .andExpect(flag("emailCampaigns", "value").value(true))
        .andExpect(flag("emailCampaigns", "overridden").value(false))
        .andExpect(flag("aiCoaching", "value").value(false));
    assertThat(flags.isEnabled(world.tenantId(), FeatureFlag.SMS_CAMPAIGNS)).isTrue();
    assertThat(flags.valueOf(world.tenantId(), FeatureFlag.MAX_USERS)).isEqualTo(40);
  }

  @Test
  void whenValueIsNull_thenTheFlagReturnsToItsDefault() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    write(world.admin(), Map.of("maxUsers", 40)).andExpect(status().isOk());

    Map<String, Object> reset = new HashMap<>();
    reset.put("maxUsers", null);
    write(world.admin(), reset)
        .andExpect(status().isOk())
        .andExpect(flag("maxUsers", "value").value(25))
        .andExpect(flag("maxUsers", "overridden").value(false));
  }

  @Test
  void whenKeyIsUnknown_thenBadRequestNamingTheKeyAndNothingIsStored() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    write(world.admin(), Map.of("teleportation", true, "smsCampaigns", true))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("teleportation"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known feature flag"));

    read(world.admin()).andExpect(flag("smsCampaigns", "value").value(false));
  }

  @Test
  void whenValuesHaveTheWrongType_thenBadRequestWithAnErrorPerKey() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    write(
            world.admin(),
            Map.of(
                "smsCampaigns",
                "yes",
                "maxUsers",
                2.5,
                "dataRetentionDays",
                5,
                "leadDedupeMatch",
                "NAME"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(4))
        .andExpect(jsonPath("$.errors[0].field").value("dataRetentionDays"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a whole number from 30 to 3650"))
        .andExpect(jsonPath("$.errors[1].field").value("leadDedupeMatch"))
        .andExpect(
            jsonPath("$.errors[1].message")
                .value("must be one of EMAIL, PHONE, EMAIL_OR_PHONE, NONE"))
        .andExpect(jsonPath("$.errors[2].field").value("maxUsers"))
        .andExpect(jsonPath("$.errors[3].field").value("smsCampaigns"))
        .andExpect(jsonPath("$.errors[3].message").value("must be true or false"));
  }

  @Test
  void whenAdminChangesFlags_thenAuditAndOutboxRecordTheChange() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String requestId = "flags-" + UUID.randomUUID();

    write(world.admin(), Map.of("smsCampaigns", true, "emailCampaigns", true), requestId)
        .andExpect(status().isOk());

    mvc.perform(
            get("/api/settings/audit")
                .param("action", "FEATURE_FLAGS_CHANGED")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].requestId").value(requestId))
        .andExpect(jsonPath("$.items[0].actorId").value(world.admin().id().toString()))
        .andExpect(jsonPath("$.items[0].details.changes.smsCampaigns.old").value(false))
        .andExpect(jsonPath("$.items[0].details.changes.smsCampaigns.new").value(true))
        // emailCampaigns was already on: not a change
        .andExpect(jsonPath("$.items[0].details.changes.emailCampaigns").doesNotExist());

    List<String> payloads = OutboxRows.payloads(jdbc, TenantSettingsChanged.TYPE, world.tenantId());
    assertThat(payloads).hasSize(1);
    assertThat((List<String>) JsonPath.read(payloads.getFirst(), "$.changedFields"))
        .containsExactly("features.smsCampaigns");
    assertThat((String) JsonPath.read(payloads.getFirst(), "$.section")).isEqualTo("FEATURES");
    assertThat((Boolean) JsonPath.read(payloads.getFirst(), "$.settings.smsCampaigns")).isTrue();
    assertThat((Integer) JsonPath.read(payloads.getFirst(), "$.settings.maxUsers")).isEqualTo(25);
  }

  @Test
  void whenNothingChanges_thenNothingIsPublished() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    write(world.admin(), Map.of("emailCampaigns", true)).andExpect(status().isOk());

    assertThat(OutboxRows.payloads(jdbc, TenantSettingsChanged.TYPE, world.tenantId())).isEmpty();
  }

  @Test
  void whenCallerHasNoToken_thenUnauthorized() {
    EndpointSecurity.of(mvc, () -> get(PATH)).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> putJson(Map.of("smsCampaigns", true))).rejectsMissingToken();
  }

  @Test
  void whenAgentOrSupervisorWrites_thenForbidden() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    EndpointSecurity.of(mvc, () -> putJson(Map.of("smsCampaigns", true)))
        .forbids(fixtures.agent(world).token())
        .forbids(fixtures.supervisor(world).token());

    read(world.admin()).andExpect(flag("smsCampaigns", "value").value(false));
  }

  @Test
  void whenAnotherTenantReads_thenItSeesOnlyItsOwnFlags() throws Exception {
    Fixtures.World a = fixtures.newTenant();
    Fixtures.World b = fixtures.newTenant();
    write(a.admin(), Map.of("smsCampaigns", true, "maxUsers", 99)).andExpect(status().isOk());

    read(b.admin())
        .andExpect(flag("smsCampaigns", "value").value(false))
        .andExpect(flag("maxUsers", "value").value(25))
        .andExpect(flag("maxUsers", "overridden").value(false));
    read(fixtures.agent(b)).andExpect(flag("smsCampaigns", "value").value(false));
  }

  private ResultActions read(Fixtures.Member member) throws Exception {
    return mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private ResultActions write(Fixtures.Member member, Map<String, ?> values) throws Exception {
    return mvc.perform(putJson(values).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private ResultActions write(Fixtures.Member member, Map<String, ?> values, String requestId)
      throws Exception {
    return mvc.perform(
        putJson(values)
            .header(HttpHeaders.AUTHORIZATION, member.bearer())
            .header("X-Request-Id", requestId));
  }

  private MockHttpServletRequestBuilder putJson(Map<String, ?> values) {
    return put(PATH)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(values));
  }

  /** One attribute of one flag in the list answer. */
  private static JsonPathResultMatchers flag(String key, String attribute) {
    // A filter answers a list; with one element, jsonPath().value() compares that element.
    return jsonPath("$[?(@.key == '" + key + "')]." + attribute);
  }
}
