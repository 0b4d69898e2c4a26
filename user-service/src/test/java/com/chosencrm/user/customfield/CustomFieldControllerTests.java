package com.chosencrm.user.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class CustomFieldControllerTests {

  private static final String PATH = "/api/settings/custom-fields";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  // ---- create and list

  @Test
  void whenAdminCreatesAField_thenCreatedWithLocationAndEveryRoleListsIt() throws Exception {
    Fixtures.World world = fixtures.newTenant();

    var created =
        create(world.admin(), loanPurpose())
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.entity").value("LEAD"))
            .andExpect(jsonPath("$.key").value("loanPurpose"))
            .andExpect(jsonPath("$.label").value("Loan purpose"))
            .andExpect(jsonPath("$.type").value("SELECT"))
            .andExpect(jsonPath("$.options[1]").value("Refinance"))
            .andExpect(jsonPath("$.required").value(true))
            .andExpect(jsonPath("$.position").value(0))
            .andReturn()
            .getResponse();
    String fieldId = JsonPath.read(created.getContentAsString(), "$.id");
    assertThat(created.getHeader(HttpHeaders.LOCATION)).endsWith(PATH + "/" + fieldId);

    for (Fixtures.Member member :
        List.of(world.admin(), fixtures.supervisor(world), fixtures.agent(world))) {
      list(member, "LEAD")
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.length()").value(1))
          .andExpect(jsonPath("$[0].id").value(fieldId))
          .andExpect(jsonPath("$[0].key").value("loanPurpose"));
    }
    list(world.admin(), "CALL").andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void whenPositionIsLeftOut_thenFieldsAreAppendedInOrder() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    create(world.admin(), field("LEAD", "creditScore", "NUMBER")).andExpect(status().isCreated());
    create(world.admin(), field("LEAD", "closingDate", "DATE")).andExpect(status().isCreated());
    Map<String, Object> first = field("LEAD", "referredBy", "TEXT");
    first.put("position", 0);
    create(world.admin(), first).andExpect(status().isCreated());

    list(world.admin(), "LEAD")
        .andExpect(jsonPath("$[*].key").value(contains("creditScore", "referredBy", "closingDate")))
        .andExpect(jsonPath("$[2].position").value(1));
  }

  @Test
  void whenEntityIsLeftOutOfTheQuery_thenEveryEntitysFieldsAreListed() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    create(world.admin(), field("LEAD", "creditScore", "NUMBER")).andExpect(status().isCreated());
    create(world.admin(), field("CALL", "callbackWanted", "BOOLEAN"))
        .andExpect(status().isCreated());

    mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2));
  }

  @Test
  void whenKeyIsTakenForTheEntity_thenConflict_butOtherEntitiesMayUseIt() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    create(world.admin(), field("LEAD", "source", "TEXT")).andExpect(status().isCreated());

    create(world.admin(), field("LEAD", "source", "TEXT"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/conflict"))
        .andExpect(jsonPath("$.detail").value(containsString("'source'")));
    create(world.admin(), field("CALL", "source", "TEXT")).andExpect(status().isCreated());
  }

  @Test
  void whenAnotherTenantUsesTheSameKey_thenBothHaveTheirOwnField() throws Exception {
    Fixtures.World a = fixtures.newTenant();
    Fixtures.World b = fixtures.newTenant();
    create(a.admin(), field("LEAD", "source", "TEXT")).andExpect(status().isCreated());
    create(b.admin(), field("LEAD", "source", "NUMBER")).andExpect(status().isCreated());

    list(b.admin(), "LEAD")
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].type").value("NUMBER"));
  }

  @Test
  void whenBodyIsInvalid_thenValidationProblemNamesEachField() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entity", "BORROWER");
    body.put("key", "Loan Amount");
    body.put("label", "");
    body.put("type", "COLOR");
    body.put("position", -1);

    create(world.admin(), body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(containsInAnyOrder("entity", "key", "label", "position", "type")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'key')].message")
                .value(contains(containsString("lower-case letter"))));
  }

  @Test
  void whenSelectHasNoOptionsOrRepeatsOne_thenBadRequestOnOptions() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Map<String, Object> none = field("LEAD", "loanPurpose", "SELECT");
    Map<String, Object> repeated = field("LEAD", "loanPurpose", "SELECT");
    repeated.put("options", List.of("Purchase", "purchase "));

    create(world.admin(), none)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("options"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("at least one option")));
    create(world.admin(), repeated)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("options"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("distinct")));
  }

  @Test
  void whenNonSelectFieldHasOptions_thenBadRequestOnOptions() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    Map<String, Object> body = field("LEAD", "creditScore", "NUMBER");
    body.put("options", List.of("600", "700"));

    create(world.admin(), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("options"));
  }

  @Test
  void whenEntityQueryParameterIsUnknown_thenBadRequest() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    list(world.admin(), "BORROWER")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("entity"));
  }

  // ---- update

  @Test
  void whenAdminUpdatesLabelOptionsRequiredAndPosition_thenTheyChange() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String id = createdId(world.admin(), loanPurpose());
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("key", "loanPurpose");
    change.put("label", "Purpose of the loan");
    change.put("type", "SELECT");
    change.put("options", List.of("Purchase", "Refinance", "Cash-out refinance"));
    change.put("required", false);
    change.put("position", 5);

    update(world.admin(), id, change)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.label").value("Purpose of the loan"))
        .andExpect(jsonPath("$.options.length()").value(3))
        .andExpect(jsonPath("$.required").value(false))
        .andExpect(jsonPath("$.position").value(5));
    list(fixtures.agent(world), "LEAD")
        .andExpect(jsonPath("$[0].label").value("Purpose of the loan"));
  }

  @Test
  void whenTypeWouldChange_thenUnprocessableWithTheReason() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String id = createdId(world.admin(), loanPurpose());
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("label", "Loan purpose");
    change.put("type", "TEXT");
    change.put("required", true);

    update(world.admin(), id, change)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/business-rule"))
        .andExpect(jsonPath("$.detail").value(containsString("cannot change from SELECT to TEXT")))
        .andExpect(jsonPath("$.detail").value(containsString("would no longer be valid")));
  }

  @Test
  void whenKeyWouldChange_thenUnprocessable() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String id = createdId(world.admin(), field("LEAD", "source", "TEXT"));
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("key", "leadSource");
    change.put("label", "Source");
    change.put("required", false);

    update(world.admin(), id, change)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(containsString("store their values under it")));
  }

  @Test
  void whenUpdatedFieldDoesNotExist_thenNotFound() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    update(world.admin(), UUID.randomUUID().toString(), labelOnly("Anything"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/not-found"));
  }

  // ---- delete

  @Test
  void whenAdminDeletesAField_thenNoContentAndItIsGone() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String id = createdId(world.admin(), field("LEAD", "source", "TEXT"));

    mvc.perform(delete(PATH + "/" + id).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNoContent());

    list(world.admin(), "LEAD").andExpect(jsonPath("$.length()").value(0));
    mvc.perform(delete(PATH + "/" + id).header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNotFound());
    // The key is free again.
    create(world.admin(), field("LEAD", "source", "NUMBER")).andExpect(status().isCreated());
  }

  // ---- audit and events

  @Test
  void whenFieldsChange_thenEachChangeIsAuditedWithTheRequestIdAndPublished() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String createRequest = "cf-create-" + UUID.randomUUID();
    String updateRequest = "cf-update-" + UUID.randomUUID();
    String deleteRequest = "cf-delete-" + UUID.randomUUID();

    String id =
        JsonPath.read(
            mvc.perform(
                    postJson(PATH, loanPurpose())
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                        .header("X-Request-Id", createRequest))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(
            putJson(PATH + "/" + id, selectChange("Purpose"))
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .header("X-Request-Id", updateRequest))
        .andExpect(status().isOk());
    mvc.perform(
            delete(PATH + "/" + id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .header("X-Request-Id", deleteRequest))
        .andExpect(status().isNoContent());

    mvc.perform(
            get("/api/settings/audit")
                .param("action", "CUSTOM_FIELDS_CHANGED")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(jsonPath("$.items.length()").value(3))
        .andExpect(jsonPath("$.items[0].requestId").value(deleteRequest))
        .andExpect(jsonPath("$.items[0].details.operation").value("DELETED"))
        .andExpect(jsonPath("$.items[1].requestId").value(updateRequest))
        .andExpect(jsonPath("$.items[1].details.changes.label.old").value("Loan purpose"))
        .andExpect(jsonPath("$.items[1].details.changes.label.new").value("Purpose"))
        .andExpect(jsonPath("$.items[2].requestId").value(createRequest))
        .andExpect(jsonPath("$.items[2].details.operation").value("CREATED"))
        .andExpect(jsonPath("$.items[2].targetType").value("CUSTOM_FIELD"))
        .andExpect(jsonPath("$.items[2].targetId").value(id))
        .andExpect(jsonPath("$.items[2].actorEmail").value(world.admin().email()));

    List<String> payloads = OutboxRows.payloads(jdbc, TenantSettingsChanged.TYPE, world.tenantId());
    assertThat(payloads).hasSize(3);
    assertThat((List<String>) JsonPath.read(payloads.getFirst(), "$.changedFields"))
        .containsExactly("customFields.LEAD");
    assertThat((String) JsonPath.read(payloads.getFirst(), "$.section")).isEqualTo("CUSTOM_FIELDS");
    assertThat((String) JsonPath.read(payloads.getFirst(), "$.settings.fields[0].key"))
        .isEqualTo("loanPurpose");
    assertThat((List<?>) JsonPath.read(payloads.getLast(), "$.settings.fields")).isEmpty();
  }

  // ---- validate

  @Test
  void whenValuesFitTheDefinitions_thenTheyAreReturnedNormalised() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    create(world.admin(), loanPurpose()).andExpect(status().isCreated());
    create(world.admin(), field("LEAD", "loanAmount", "NUMBER")).andExpect(status().isCreated());

    validate(
            fixtures.agent(world),
            Map.of(
                "entity",
                "LEAD",
                "values",
                Map.of("loanPurpose", "purchase", "loanAmount", "350000")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entity").value("LEAD"))
        .andExpect(jsonPath("$.values.loanPurpose").value("Purchase"))
        .andExpect(jsonPath("$.values.loanAmount").value(350000));
  }

  @Test
  void whenValuesDoNotFit_thenBadRequestWithCustomFieldsErrors() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    create(world.admin(), loanPurpose()).andExpect(status().isCreated());
    create(world.admin(), field("LEAD", "loanAmount", "NUMBER")).andExpect(status().isCreated());

    validate(
            fixtures.agent(world),
            Map.of("entity", "LEAD", "values", Map.of("loanAmount", "lots", "pets", 2)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(jsonPath("$.errors.length()").value(3))
        .andExpect(jsonPath("$.errors[0].field").value("customFields.loanAmount"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a number"))
        .andExpect(jsonPath("$.errors[1].field").value("customFields.loanPurpose"))
        .andExpect(jsonPath("$.errors[1].message").value("is required"))
        .andExpect(jsonPath("$.errors[2].field").value("customFields.pets"));
  }

  @Test
  void whenValidateBodyIsIncomplete_thenBadRequest() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    validate(world.admin(), Map.of("entity", "HOUSE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("entity", "values")));
  }

  @Test
  void whenAnotherTenantValidates_thenItsOwnDefinitionsApply() throws Exception {
    Fixtures.World a = fixtures.newTenant();
    Fixtures.World b = fixtures.newTenant();
    create(a.admin(), loanPurpose()).andExpect(status().isCreated());

    validate(b.admin(), Map.of("entity", "LEAD", "values", Map.of("loanPurpose", "Purchase")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customFields.loanPurpose"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a custom field of leads"));
    validate(b.admin(), Map.of("entity", "LEAD", "values", Map.of())).andExpect(status().isOk());
  }

  // ---- security

  @Test
  void whenCallerHasNoToken_thenEveryEndpointAnswersUnauthorized() {
    String id = UUID.randomUUID().toString();
    EndpointSecurity.of(mvc, () -> get(PATH).param("entity", "LEAD")).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> postJson(PATH, loanPurpose())).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> putJson(PATH + "/" + id, labelOnly("x"))).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> delete(PATH + "/" + id)).rejectsMissingToken();
    EndpointSecurity.of(
            mvc, () -> postJson(PATH + "/validate", Map.of("entity", "LEAD", "values", Map.of())))
        .rejectsMissingToken();
  }

  @Test
  void whenAgentOrSupervisorWrites_thenForbidden() throws Exception {
    Fixtures.World world = fixtures.newTenant();
    String id = createdId(world.admin(), field("LEAD", "source", "TEXT"));
    String agent = fixtures.agent(world).token();
    String supervisor = fixtures.supervisor(world).token();

    EndpointSecurity.of(mvc, () -> postJson(PATH, field("LEAD", "other", "TEXT")))
        .forbids(agent)
        .forbids(supervisor);
    EndpointSecurity.of(mvc, () -> putJson(PATH + "/" + id, labelOnly("Hacked")))
        .forbids(agent)
        .forbids(supervisor);
    EndpointSecurity.of(mvc, () -> delete(PATH + "/" + id)).forbids(agent).forbids(supervisor);

    list(world.admin(), "LEAD")
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].label").value("source"));
  }

  @Test
  void whenAnotherTenantsAdminUsesThisTenantsFieldId_thenNotFoundAndTheFieldIsUntouched()
      throws Exception {
    Fixtures.World owner = fixtures.newTenant();
    Fixtures.World other = fixtures.newTenant();
    String id = createdId(owner.admin(), field("LEAD", "source", "TEXT"));

    EndpointSecurity.of(mvc, () -> putJson(PATH + "/" + id, labelOnly("Hijacked")))
        .hidesFrom(other.admin().token());
    EndpointSecurity.of(mvc, () -> delete(PATH + "/" + id)).hidesFrom(other.admin().token());

    list(owner.admin(), "LEAD")
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].label").value("source"));
    list(other.admin(), "LEAD").andExpect(jsonPath("$.length()").value(0));
  }

  // ---- helpers

  private static Map<String, Object> loanPurpose() {
    Map<String, Object> body = field("LEAD", "loanPurpose", "SELECT");
    body.put("label", "Loan purpose");
    body.put("options", List.of("Purchase", "Refinance"));
    body.put("required", true);
    return body;
  }

  private static Map<String, Object> field(String entity, String key, String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entity", entity);
    body.put("key", key);
    body.put("label", key);
    body.put("type", type);
    return body;
  }

  /** A change of a non-SELECT field: a new label, not required. */
  private static Map<String, Object> labelOnly(String label) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("label", label);
    body.put("required", false);
    return body;
  }

  /** A change of {@link #loanPurpose()} that only renames it. */
  private static Map<String, Object> selectChange(String label) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("label", label);
    body.put("options", List.of("Purchase", "Refinance"));
    body.put("required", true);
    return body;
  }

  private String createdId(Fixtures.Member admin, Map<String, Object> body) throws Exception {
    String response =
        create(admin, body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(response, "$.id");
  }

  private ResultActions create(Fixtures.Member member, Map<String, ?> body) throws Exception {
    return mvc.perform(postJson(PATH, body).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private ResultActions update(Fixtures.Member member, String id, Map<String, ?> body)
      throws Exception {
    return mvc.perform(
        putJson(PATH + "/" + id, body).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private ResultActions validate(Fixtures.Member member, Map<String, ?> body) throws Exception {
    return mvc.perform(
        postJson(PATH + "/validate", body).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private ResultActions list(Fixtures.Member member, String entity) throws Exception {
    return mvc.perform(
        get(PATH).param("entity", entity).header(HttpHeaders.AUTHORIZATION, member.bearer()));
  }

  private MockHttpServletRequestBuilder postJson(String path, Map<String, ?> body) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body));
  }

  private MockHttpServletRequestBuilder putJson(String path, Map<String, ?> body) {
    return put(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
  }
}
