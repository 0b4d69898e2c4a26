package com.chosencrm.lead.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.UserServiceStub;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Every import endpoint: its answer, its validation, 401, 403 and another tenant's 404. */
@LeadServiceTest
class ImportControllerTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Imports imports;
  @Autowired JdbcClient jdbc;

  World world;
  World otherWorld;
  Member agent;
  Member supervisor;
  Member otherSupervisor;

  static final byte[] GOOD = TestFiles.csv("First Name,Last Name,Email\nAda,Lovelace,ada@x.io\n");

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    otherWorld = fixtures.newTenant();
    UUID team = fixtures.team(world);
    agent = fixtures.agent(world, team);
    supervisor = fixtures.supervisor(world, team);
    otherSupervisor = fixtures.supervisor(world, fixtures.team(world));
  }

  private int jobsOf(World w) {
    return jdbc.sql("select count(*) from import_job where tenant_id = :t")
        .param("t", w.tenantId())
        .query(Integer.class)
        .single();
  }

  /** 401 without or with a broken token, 403 for an agent: for the multipart endpoints. */
  private void securedUpload(Supplier<MockMultipartHttpServletRequestBuilder> request)
      throws Exception {
    mvc.perform(request.get())
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"));
    for (var broken :
        TestTokens.user(world.admin().id(), world.tenantId())
            .roles("ADMIN")
            .brokenVariants()
            .entrySet()) {
      mvc.perform(request.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + broken.getValue()))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(request.get().header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/forbidden"));
  }

  @Test
  void uploadAnswersAJobWaitingForItsMapping() throws Exception {
    MvcResult result = imports.upload(supervisor, GOOD, "leads.csv");

    assertThat(result.getResponse().getStatus()).isEqualTo(201);
    JsonNode job = Fixtures.read(result);
    assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION))
        .isEqualTo("/api/leads/imports/" + job.get("id").asString());
    assertThat(job.get("state").asString()).isEqualTo("MAPPING");
    assertThat(job.get("fileName").asString()).isEqualTo("leads.csv");
    assertThat(job.get("progress").get("rowsTotal").asInt()).isEqualTo(1);
    assertThat(job.get("headers").get(2).get("letter").asString()).isEqualTo("C");
    assertThat(job.get("headers").get(2).get("samples").get(0).asString()).isEqualTo("ada@x.io");
    securedUpload(() -> Imports.uploadRequest(GOOD, "leads.csv"));
  }

  @Test
  void oneShotImportStartsAtOnce() throws Exception {
    MockMultipartFile options =
        new MockMultipartFile(
            "options",
            "",
            MediaType.APPLICATION_JSON_VALUE,
            "{\"duplicatePolicy\":\"CREATE\"}".getBytes());
    MvcResult result =
        mvc.perform(
                multipart("/api/leads/import")
                    .file(new MockMultipartFile("file", "a.csv", "text/csv", GOOD))
                    .file(options)
                    .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(202);
    JsonNode job = Fixtures.read(result);
    assertThat(job.get("state").asString()).isIn("QUEUED", "RUNNING", "COMPLETED");
    assertThat(job.get("duplicatePolicy").asString()).isEqualTo("CREATE");
    assertThat(
            imports.finished(world.admin(), Imports.id(job)).get("progress").get("created").asInt())
        .isEqualTo(1);
    int before = jobsOf(world);
    MockMultipartFile badOptions =
        new MockMultipartFile(
            "options",
            "",
            MediaType.APPLICATION_JSON_VALUE,
            "{\"duplicatePolicy\":\"MAYBE\"}".getBytes());
    mvc.perform(
            multipart("/api/leads/import")
                .file(new MockMultipartFile("file", "a.csv", "text/csv", GOOD))
                .file(badOptions)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("duplicatePolicy"));
    MockMultipartFile noName =
        new MockMultipartFile(
            "options",
            "",
            MediaType.APPLICATION_JSON_VALUE,
            "{\"mapping\":[{\"column\":2,\"field\":\"email\"}]}".getBytes());
    mvc.perform(
            multipart("/api/leads/import")
                .file(new MockMultipartFile("file", "a.csv", "text/csv", GOOD))
                .file(noName)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"));
    assertThat(jobsOf(world)).as("a refused one-shot import leaves no job").isEqualTo(before);
    securedUpload(
        () ->
            multipart("/api/leads/import")
                .file(new MockMultipartFile("file", "a.csv", "text/csv", GOOD)));
  }

  private void refused(byte[] content, String name, int status, String type) throws Exception {
    int before = jobsOf(world);
    MvcResult result = imports.upload(world.admin(), content, name);
    assertThat(result.getResponse().getStatus())
        .as(name + ": " + result.getResponse().getContentAsString())
        .isEqualTo(status);
    JsonNode problem = Fixtures.read(result);
    assertThat(problem.get("type").asString()).isEqualTo("https://chosencrm.dev/problems/" + type);
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(jobsOf(world)).as("no job for " + name).isEqualTo(before);
  }

  @Test
  void badFilesAreRefusedWithoutAJob() throws Exception {
    byte[] workbook = TestFiles.xlsx(List.of(List.of("Email", "Name"), List.of("a@b.co", "A B")));
    refused(TestFiles.zipBomb(), "bomb.xlsx", 400, "import-zip-bomb");
    refused(TestFiles.encrypted(workbook), "secret.xlsx", 400, "import-encrypted");
    refused(TestFiles.truncated(workbook), "broken.xlsx", 400, "import-corrupt");
    refused(TestFiles.png(), "photo.xlsx", 400, "import-not-a-spreadsheet");
    refused(new byte[0], "empty.csv", 400, "import-empty");
    refused(TestFiles.csv("Email\n"), "header-only.csv", 400, "import-empty");
    refused(TestFiles.csv("Colour,Size\nred,XL\n"), "other.csv", 400, "import-no-columns");
    StringBuilder many = new StringBuilder("Email\n");
    for (int i = 0; i < 300; i++) {
      many.append("a").append(i).append("@x.io\n");
    }
    refused(TestFiles.csv(many.toString()), "many.csv", 400, "import-too-many-rows");
    refused(new byte[3 * 1024 * 1024 + 1], "huge.csv", 413, "import-file-too-large");
    mvc.perform(
            multipart("/api/leads/imports")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aTenantWithLeadImportTurnedOffIsRefusedWithoutAJob() throws Exception {
    JsonNode waiting = imports.uploaded(world.admin(), GOOD, "before.csv");
    // Only this tenant's admin is answered "off": the stub matches their token.
    StubMapping off =
        UserServiceStub.server()
            .stubFor(
                WireMock.get(WireMock.urlPathEqualTo(UserServiceStub.FEATURES))
                    .withHeader(HttpHeaders.AUTHORIZATION, WireMock.equalTo(world.admin().bearer()))
                    .atPriority(1)
                    .willReturn(
                        WireMock.aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(UserServiceStub.features(false))));
    try {
      refused(GOOD, "leads.csv", 403, "forbidden");
      MvcResult start =
          imports.start(
              world.admin(), Imports.id(waiting), Map.of("mapping", Imports.proposed(waiting)));
      assertThat(start.getResponse().getStatus()).isEqualTo(403);
      assertThat(Fixtures.read(start).get("detail").asString())
          .contains("Importing leads is turned off");
      // Another tenant's admin still imports.
      assertThat(imports.upload(otherWorld.admin(), GOOD, "leads.csv").getResponse().getStatus())
          .isEqualTo(201);
    } finally {
      UserServiceStub.server().removeStub(off);
    }
  }

  @Test
  void startChecksTheMapping() throws Exception {
    JsonNode job = imports.uploaded(supervisor, GOOD, "leads.csv");
    UUID id = Imports.id(job);

    MvcResult noName =
        imports.start(
            supervisor, id, Map.of("mapping", List.of(Map.of("column", 2, "field", "email"))));
    assertThat(noName.getResponse().getStatus()).isEqualTo(400);
    assertThat(Fixtures.read(noName).get("errors").get(0).get("field").asString())
        .isEqualTo("mapping");
    MvcResult wrong =
        imports.start(
            supervisor,
            id,
            Map.of(
                "mapping",
                List.of(
                    Map.of("column", 0, "field", "firstName"),
                    Map.of("column", 1, "field", "firstName"),
                    Map.of("column", 9, "field", "email"),
                    Map.of("column", 2, "field", "customFields.nope")),
                "duplicatePolicy",
                "SKIP"));
    assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
    assertThat(Fixtures.read(wrong).get("errors").findValuesAsString("field"))
        .contains("mapping[1].field", "mapping[2].column", "mapping[3].field");
    MvcResult badPolicy =
        imports.start(
            supervisor, id, Map.of("mapping", Imports.proposed(job), "duplicatePolicy", "MERGE"));
    assertThat(badPolicy.getResponse().getStatus()).isEqualTo(400);
    MvcResult outsideTeam =
        imports.start(
            supervisor,
            id,
            Map.of(
                "mapping",
                Imports.proposed(job),
                "defaultAssigneeId",
                otherSupervisor.id().toString()));
    assertThat(outsideTeam.getResponse().getStatus()).isEqualTo(400);
    assertThat(Fixtures.read(outsideTeam).get("errors").get(0).get("field").asString())
        .isEqualTo("defaultAssigneeId");

    MvcResult started = imports.start(supervisor, id, Map.of("mapping", Imports.proposed(job)));
    assertThat(started.getResponse().getStatus()).isEqualTo(202);
    assertThat(Fixtures.read(started).get("duplicatePolicy").asString()).isEqualTo("SKIP");
    imports.finished(supervisor, id);
    MvcResult again = imports.start(supervisor, id, Map.of("mapping", Imports.proposed(job)));
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
  }

  @Test
  void startStatusCancelUndoAndReportAreGuarded() throws Exception {
    JsonNode job = imports.uploaded(world.admin(), GOOD, "leads.csv");
    UUID id = Imports.id(job);
    String startBody = Fixtures.JSON.writeValueAsString(Map.of("mapping", Imports.proposed(job)));
    TestTokens shape = TestTokens.user(world.admin().id(), world.tenantId()).roles("ADMIN");
    String otherAdmin = otherWorld.admin().token();

    EndpointSecurity.of(mvc, () -> get("/api/leads/imports/{id}", id))
        .rejectsMissingAndBrokenTokens(shape)
        .forbids(agent.token())
        .hidesFrom(otherAdmin)
        .hidesFrom(supervisor.token());
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/leads/imports/{id}/start", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(startBody))
        .rejectsMissingAndBrokenTokens(shape)
        .forbids(agent.token())
        .hidesFrom(otherAdmin);
    EndpointSecurity.of(mvc, () -> get("/api/leads/imports/{id}/errors.xlsx", id))
        .rejectsMissingAndBrokenTokens(shape)
        .forbids(agent.token())
        .hidesFrom(otherAdmin);
    EndpointSecurity.of(mvc, () -> post("/api/leads/imports/{id}/undo", id))
        .rejectsMissingAndBrokenTokens(shape)
        .forbids(agent.token())
        .hidesFrom(otherAdmin);
    EndpointSecurity.of(mvc, () -> post("/api/leads/imports/{id}/cancel", id))
        .rejectsMissingAndBrokenTokens(shape)
        .forbids(agent.token())
        .hidesFrom(otherAdmin);

    // Not run yet: nothing to undo; the report is empty but there.
    mvc.perform(
            post("/api/leads/imports/{id}/undo", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isConflict());
    mvc.perform(
            get("/api/leads/imports/{id}/errors.xlsx", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .contentType(ImportController.XLSX));
    mvc.perform(
            post("/api/leads/imports/{id}/cancel", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("CANCELLED"));
    mvc.perform(
            post("/api/leads/imports/{id}/cancel", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/leads/imports/{id}/start", id)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(startBody))
        .andExpect(status().isConflict());
    mvc.perform(
            get("/api/leads/imports/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void listShowsTheTenantsImportsNewestFirstInPages() throws Exception {
    UUID first = Imports.id(imports.uploaded(world.admin(), GOOD, "1.csv"));
    UUID second = Imports.id(imports.uploaded(supervisor, GOOD, "2.csv"));
    UUID third = Imports.id(imports.uploaded(world.admin(), GOOD, "3.csv"));
    imports.uploaded(otherWorld.admin(), GOOD, "other.csv");

    JsonNode page =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/imports")
                        .param("limit", "2")
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page.get("items").findValuesAsString("id"))
        .containsExactly(third.toString(), second.toString());
    JsonNode next =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/imports")
                        .param("limit", "2")
                        .param("cursor", page.get("nextCursor").asString())
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn());
    assertThat(next.get("items").findValuesAsString("id")).containsExactly(first.toString());
    assertThat(next.get("nextCursor").isNull()).isTrue();
    // A supervisor sees their own imports only.
    mvc.perform(get("/api/leads/imports").header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].id").value(second.toString()));
    mvc.perform(
            get("/api/leads/imports")
                .param("limit", "0")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
        .andExpect(status().isBadRequest());
    EndpointSecurity.of(mvc, () -> get("/api/leads/imports"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(world.admin().id(), world.tenantId()))
        .forbids(agent.token());
  }

  @Test
  void savedMappingsAreReadAndReplacedPerTenant() throws Exception {
    String body =
        Fixtures.JSON.writeValueAsString(
            Map.of(
                "items",
                List.of(
                    Map.of("header", "Borrower E-Mail", "field", "email"),
                    Map.of("header", "Fav colour", "field", "customFields.colour"))));
    mvc.perform(
            put("/api/leads/imports/mappings")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2));
    mvc.perform(
            get("/api/leads/imports/mappings")
                .header(HttpHeaders.AUTHORIZATION, supervisor.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].header").value("Borrower E-Mail"))
        .andExpect(jsonPath("$.items[0].field").value("email"));
    mvc.perform(
            get("/api/leads/imports/mappings")
                .header(HttpHeaders.AUTHORIZATION, otherWorld.admin().bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(
            put("/api/leads/imports/mappings")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[{\"header\":\"X\",\"field\":\"shoeSize\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items"));
    mvc.perform(
            put("/api/leads/imports/mappings")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items"));
    // The saved header is matched in the next upload.
    JsonNode job =
        imports.uploaded(
            world.admin(), TestFiles.csv("Name,Borrower E-Mail\nAda L,ada@x.io\n"), "a.csv");
    assertThat(job.get("proposedMapping").get(1).get("matchedBy").asString()).isEqualTo("SAVED");

    EndpointSecurity.of(mvc, () -> get("/api/leads/imports/mappings"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(world.admin().id(), world.tenantId()))
        .forbids(agent.token());
    EndpointSecurity.of(
            mvc,
            () ->
                put("/api/leads/imports/mappings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
        .rejectsMissingAndBrokenTokens(TestTokens.user(world.admin().id(), world.tenantId()))
        .forbids(agent.token());
  }
}
