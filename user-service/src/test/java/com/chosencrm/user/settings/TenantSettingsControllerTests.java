package com.chosencrm.user.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.tenant.Tenants;
import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class TenantSettingsControllerTests {

  private static final String PATH = "/api/settings/tenant";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired Tenants tenants;

  @Test
  void whenNeverSaved_thenEveryRoleReadsTheDefaults() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    for (Fixtures.Member member :
        List.of(world.admin(), fixtures.supervisor(world), fixtures.agent(world))) {
      mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, member.bearer()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.companyName").value(world.tenant().name()))
          .andExpect(jsonPath("$.timeZone").value("America/New_York"))
          .andExpect(jsonPath("$.locale").value("en-US"))
          .andExpect(jsonPath("$.branding.primaryColor").value("#0066FF"))
          .andExpect(jsonPath("$.branding.logoUrl").isEmpty())
          .andExpect(jsonPath("$.version").value(0));
    }
  }

  @Test
  void whenAdminSavesTheProfile_thenItIsNormalisedStoredAndTheTenantRenamed() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    mvc.perform(putProfile(world.admin(), profile(0)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.companyName").value("Lone Star Lending"))
        .andExpect(jsonPath("$.nmlsId").value("1234567"))
        .andExpect(jsonPath("$.address.state").value("TX"))
        .andExpect(jsonPath("$.address.postalCode").value("75201"))
        .andExpect(jsonPath("$.timeZone").value("America/Chicago"))
        .andExpect(jsonPath("$.locale").value("en-US"))
        .andExpect(jsonPath("$.branding.primaryColor").value("#FF6600"))
        .andExpect(jsonPath("$.branding.logoUrl").value("https://cdn.lonestar.example/logo.png"))
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.updatedBy").value(world.admin().id().toString()));

    Fixtures.Member agent = fixtures.agent(world);
    mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.companyName").value("Lone Star Lending"))
        .andExpect(jsonPath("$.email").value("info@lonestar.example"))
        .andExpect(jsonPath("$.address.city").value("Dallas"))
        .andExpect(jsonPath("$.version").value(1));
    assertThat(tenants.get(world.tenantId()).name()).isEqualTo("Lone Star Lending");
  }

  @Test
  void whenSavedTwiceWithTheReturnedVersion_thenEachSaveAddsOne() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    mvc.perform(putProfile(world.admin(), profile(0))).andExpect(jsonPath("$.version").value(1));

    Map<String, Object> second = profile(1);
    second.put("timeZone", "America/Denver");
    mvc.perform(putProfile(world.admin(), second))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeZone").value("America/Denver"))
        .andExpect(jsonPath("$.version").value(2));
  }

  @Test
  void whenVersionIsStale_thenConflictAndNothingIsOverwritten() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    mvc.perform(putProfile(world.admin(), profile(0))).andExpect(status().isOk());

    Map<String, Object> stale = profile(0);
    stale.put("timeZone", "America/Phoenix");
    mvc.perform(putProfile(world.admin(), stale))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/conflict"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("version")));

    mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.timeZone").value("America/Chicago"));
  }

  @Test
  void whenAdminSaves_thenAuditEntryShowsOldAndNewValuesActorAndRequestId() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String requestId = "settings-" + UUID.randomUUID();

    mvc.perform(putProfile(world.admin(), profile(0)).header("X-Request-Id", requestId))
        .andExpect(status().isOk());

    mvc.perform(
            get("/api/settings/audit")
                .param("action", "TENANT_SETTINGS_CHANGED")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].requestId").value(requestId))
        .andExpect(jsonPath("$.items[0].actorId").value(world.admin().id().toString()))
        .andExpect(jsonPath("$.items[0].actorEmail").value(world.admin().email()))
        .andExpect(jsonPath("$.items[0].targetType").value("TENANT_SETTINGS"))
        .andExpect(jsonPath("$.items[0].targetId").value(world.tenantId().toString()))
        .andExpect(jsonPath("$.items[0].details.changes.timeZone.old").value("America/New_York"))
        .andExpect(jsonPath("$.items[0].details.changes.timeZone.new").value("America/Chicago"))
        .andExpect(
            jsonPath("$.items[0].details.changes.companyName.old").value(world.tenant().name()))
        .andExpect(
            jsonPath("$.items[0].details.changes['branding.primaryColor'].new").value("#FF6600"));
  }

  @Test
  void whenAdminSaves_thenTenantSettingsChangedLandsInTheOutbox() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    mvc.perform(putProfile(world.admin(), profile(0))).andExpect(status().isOk());

    List<String> payloads = OutboxRows.payloads(jdbc, TenantSettingsChanged.TYPE, world.tenantId());
    assertThat(payloads).hasSize(1);
    String payload = payloads.getFirst();
    assertThat((String) JsonPath.read(payload, "$.tenantId"))
        .isEqualTo(world.tenantId().toString());
    assertThat((String) JsonPath.read(payload, "$.section")).isEqualTo("PROFILE");
    assertThat((List<String>) JsonPath.read(payload, "$.changedFields"))
        .contains("companyName", "timeZone", "branding.primaryColor", "address.city")
        // en-us is the default en-US once normalised: not a change.
        .doesNotContain("locale", "version");
    assertThat((String) JsonPath.read(payload, "$.settings.timeZone")).isEqualTo("America/Chicago");
    assertThat((Integer) JsonPath.read(payload, "$.settings.version")).isEqualTo(1);
  }

  @Test
  void whenNothingChanges_thenNothingIsSavedAuditedOrPublished() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("companyName", world.tenant().name());
    defaults.put("timeZone", "America/New_York");
    defaults.put("locale", "en-US");
    defaults.put("version", 0);

    mvc.perform(putProfile(world.admin(), defaults))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(0));

    assertThat(OutboxRows.payloads(jdbc, TenantSettingsChanged.TYPE, world.tenantId())).isEmpty();
  }

  @Test
  void whenFieldsAreInvalid_thenValidationProblemNamesEachField() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("companyName", " ");
    body.put("email", "not an email");
    body.put("website", "http://insecure.example");
    body.put("nmlsId", "NMLS#12");
    body.put("address", Map.of("state", "Texas", "postalCode", "ABCDE"));
    body.put("timeZone", "Mars/Olympus_Mons");
    body.put("locale", "english please");
    body.put("branding", Map.of("logoUrl", "ftp://logo.example/x.png", "primaryColor", "blue"));

    mvc.perform(putProfile(world.admin(), body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(jsonPath("$.requestId").exists())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    containsInAnyOrder(
                        "address.postalCode",
                        "address.state",
                        "branding.logoUrl",
                        "branding.primaryColor",
                        "companyName",
                        "email",
                        "locale",
                        "nmlsId",
                        "timeZone",
                        "version",
                        "website")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'timeZone')].message")
                .value("must be an IANA time zone such as America/New_York"));
  }

  @Test
  void whenTimeZoneIsAnOffsetOrAbbreviation_thenItIsRefused() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    for (String zone : List.of("EST", "+02:00", "GMT+1", "America/Nowhere")) {
      Map<String, Object> body = profile(0);
      body.put("timeZone", zone);
      mvc.perform(putProfile(world.admin(), body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
    }
  }

  @Test
  void whenCallerHasNoToken_thenUnauthorized() {
    EndpointSecurity.of(mvc, () -> get(PATH)).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> putJson(profile(0))).rejectsMissingToken();
  }

  @Test
  void whenAgentOrSupervisorWrites_thenForbidden() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    EndpointSecurity.of(mvc, () -> putJson(profile(0)))
        .forbids(fixtures.agent(world).token())
        .forbids(fixtures.supervisor(world).token());

    mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void whenAnotherTenantReads_thenItSeesOnlyItsOwnSettings() throws Exception {
    Fixtures.World a = fixtures.newTenant();
    Fixtures.World b = fixtures.newTenant();
    mvc.perform(putProfile(a.admin(), profile(0))).andExpect(status().isOk());

    mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, b.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.companyName").value(b.tenant().name()))
        .andExpect(jsonPath("$.timeZone").value("America/New_York"))
        .andExpect(jsonPath("$.version").value(0));

    // B's first save is B's own version 0, untouched by A's.
    mvc.perform(putProfile(b.admin(), profile(0))).andExpect(status().isOk());
    assertThat(tenants.get(a.tenantId()).name()).isEqualTo("Lone Star Lending");
  }

  private MockHttpServletRequestBuilder putProfile(Fixtures.Member member, Map<String, ?> body) {
    return putJson(body).header(HttpHeaders.AUTHORIZATION, member.bearer());
  }

  private MockHttpServletRequestBuilder putJson(Map<String, ?> body) {
    return put(PATH).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
  }

  private static Map<String, Object> profile(long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("companyName", " Lone Star Lending ");
    body.put("legalName", "Lone Star Lending LLC");
    body.put("nmlsId", "1234567");
    body.put("phone", "(214) 555-0100");
    body.put("email", "info@lonestar.example");
    body.put("website", "https://lonestar.example");
    body.put(
        "address",
        Map.of(
            "line1", "100 Main St",
            "line2", "Suite 400",
            "city", "Dallas",
            "state", "tx",
            "postalCode", "75201"));
    body.put("timeZone", "America/Chicago");
    body.put("locale", "en-us");
    body.put(
        "branding",
        Map.of("logoUrl", "https://cdn.lonestar.example/logo.png", "primaryColor", "#ff6600"));
    body.put("version", version);
    return body;
  }
}
