package com.chosencrm.lead.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.UserServiceStub;
import com.chosencrm.lead.importing.TestFiles.ExcelDate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Imports run end to end: upload, mapping, the background job, its leads, report and undo. */
@LeadServiceTest
class ImportJobTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Imports imports;
  @Autowired JdbcClient jdbc;

  World world;
  UUID team;
  Member agentA;
  Member agentB;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    team = fixtures.team(world);
    agentA = fixtures.agent(world, team);
    agentB = fixtures.agent(world, team);
  }

  @AfterEach
  void resetStub() {
    UserServiceStub.resetToDefaults();
  }

  static final List<Object> HEADER =
      List.of(
          "First Name",
          "Last Name",
          "E-mail Address",
          "Mobile",
          "Lead Source",
          "Loan Purpose",
          "Loan Amount",
          "State",
          "Credit Score",
          "Consent Date",
          "Consent Text",
          "Notes");

  private JsonNode leadsOf(Member member, UUID importId) throws Exception {
    return Fixtures.read(
        mvc.perform(
                get("/api/leads")
                    .param("importId", importId.toString())
                    .param("sort", "name")
                    .param("limit", "200")
                    .header(HttpHeaders.AUTHORIZATION, member.bearer()))
            .andReturn());
  }

  private static Map<String, JsonNode> byLastName(JsonNode page) {
    Map<String, JsonNode> leads = new LinkedHashMap<>();
    page.get("items").forEach(l -> leads.put(l.get("lastName").asString(), l));
    return leads;
  }

  @Test
  void workbookWithMixedFormatsIsImported() throws Exception {
    byte[] file =
        TestFiles.xlsx(
            List.of(
                HEADER,
                Arrays.asList(
                    "Ada",
                    "Lovelace",
                    "ada@example.com",
                    "(201) 555-0123",
                    "Zillow",
                    "Refi",
                    "$425,000.50",
                    "Texas",
                    752,
                    new ExcelDate(LocalDate.of(2024, 3, 15)),
                    "I agree to calls",
                    "=HYPERLINK(\"http://evil\")"),
                List.of(),
                Arrays.asList(
                    "Grace",
                    "Hopper",
                    "grace@example.com",
                    2015550124L,
                    null,
                    "cash-out refi",
                    350000,
                    "tx",
                    "680-719",
                    45366,
                    "I agree",
                    "+1 call her"),
                Arrays.asList(
                    "Linus",
                    "Torvalds",
                    "linus@example.com",
                    "+1 201.555.0125",
                    null,
                    "purchase",
                    "425k",
                    "CA",
                    "Good",
                    null,
                    null,
                    "@mention"),
                Arrays.asList(
                    "Bad",
                    "Email",
                    "not-an-email",
                    "12",
                    null,
                    "yacht",
                    "lots",
                    "Narnia",
                    null,
                    "someday",
                    "x",
                    "-5")),
            "E2:E4");

    JsonNode job = imports.run(world.admin(), file, "leads.xlsx", "SKIP");

    assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
    JsonNode progress = job.get("progress");
    assertThat(progress.get("rowsRead").asInt()).isEqualTo(4);
    assertThat(progress.get("created").asInt()).isEqualTo(3);
    assertThat(progress.get("failed").asInt()).isEqualTo(1);
    assertThat(progress.get("percent").asInt()).isEqualTo(100);

    Map<String, JsonNode> leads = byLastName(leadsOf(world.admin(), Imports.id(job)));
    JsonNode ada = leads.get("Lovelace");
    assertThat(ada.get("phone").asString()).isEqualTo("(201) 555-0123");
    assertThat(ada.get("phoneE164").asString()).isEqualTo("+12015550123");
    assertThat(ada.get("loanPurpose").asString()).isEqualTo("REFINANCE");
    assertThat(ada.get("loanAmount").decimalValue()).isEqualByComparingTo("425000.50");
    assertThat(ada.get("propertyState").asString()).isEqualTo("TX");
    assertThat(ada.get("creditBand").asString()).isEqualTo("EXCELLENT");
    assertThat(ada.get("consent").get("givenAt").asString()).isEqualTo("2024-03-15T00:00:00Z");
    assertThat(ada.get("consent").get("method").asString()).isEqualTo("IMPORTED");
    assertThat(ada.get("notes").asString()).isEqualTo("=HYPERLINK(\"http://evil\")");
    JsonNode grace = leads.get("Hopper");
    assertThat(grace.get("phoneE164").asString()).isEqualTo("+12015550124");
    assertThat(grace.get("source").asString()).as("merged cell").isEqualTo("Zillow");
    assertThat(grace.get("loanPurpose").asString()).isEqualTo("CASH_OUT");
    assertThat(grace.get("creditBand").asString()).isEqualTo("GOOD");
    assertThat(grace.get("consent").get("givenAt").asString())
        .as("a date given as an Excel serial number")
        .isEqualTo("2024-03-15T00:00:00Z");
    assertThat(grace.get("notes").asString()).isEqualTo("+1 call her");
    JsonNode linus = leads.get("Torvalds");
    assertThat(linus.get("source").isNull()).as("below the merged region").isTrue();
    assertThat(linus.get("loanAmount").decimalValue()).isEqualByComparingTo("425000");
    assertThat(linus.get("notes").asString()).isEqualTo("@mention");

    // The refused row is in the report: its number a number (to sort by), every other cell a
    // string, never a formula; the header stays in view and filters.
    try (XSSFWorkbook report =
        new XSSFWorkbook(
            new ByteArrayInputStream(imports.errorReport(world.admin(), Imports.id(job))))) {
      XSSFSheet sheet = report.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
          if (row.getRowNum() > 0 && cell.getColumnIndex() == 0) {
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            cells.add(String.valueOf((long) cell.getNumericCellValue()));
          } else {
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            cells.add(cell.getStringCellValue());
          }
        }
        rows.add(cells);
      }
      assertThat(rows.getFirst()).containsExactly("Row", "Column", "Value", "Reason");
      List<String> columns = rows.stream().skip(1).map(r -> r.get(1)).toList();
      assertThat(rows.stream().skip(1).map(r -> r.getFirst())).containsOnly("6");
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D" + rows.size());
      assertThat(columns)
          .contains(
              "E-mail Address", "Mobile", "Loan Purpose", "Loan Amount", "State", "Consent Date");
    }
  }

  private static byte[] people(String... rows) {
    StringBuilder csv =
        new StringBuilder("First Name,Last Name,Email,Phone,Source,State,Loan Amount\n");
    for (String row : rows) {
      csv.append(row).append('\n');
    }
    return TestFiles.csv(csv.toString());
  }

  @Test
  void csvWithBomAndSemicolonsIsMatchedAndImported() throws Exception {
    String text =
        "Vorname;Nachname;Name;Email;Telefon;Loan Amt\r\n"
            + "x;y;Ada Lovelace;ada@example.com;201-555-0123;\"1.200\"\r\n"
            + ";;\"Hopper, Grace\";grace@example.com;\"(201) 555-0124\";900\r\n";
    JsonNode uploaded =
        imports.uploaded(
            world.admin(), TestFiles.csv(text, StandardCharsets.UTF_8, true), "leads.csv");
    assertThat(uploaded.get("format").asString()).isEqualTo("CSV");
    assertThat(uploaded.get("state").asString()).isEqualTo("MAPPING");
    assertThat(uploaded.get("headers").get(0).get("name").asString()).isEqualTo("Vorname");
    assertThat(uploaded.get("proposedMapping").get(2).get("field").asString())
        .isEqualTo("fullName");
    assertThat(uploaded.get("proposedMapping").get(5).get("field").asString())
        .isEqualTo("loanAmount");
    assertThat(uploaded.get("proposedMapping").get(0).get("field").isNull()).isTrue();
    assertThat(uploaded.get("sampleRows").get(1).get(2).asString()).isEqualTo("Hopper, Grace");

    UUID id = Imports.id(uploaded);
    imports.start(
        world.admin(),
        id,
        Map.of(
            "mapping",
            List.of(
                Map.of("column", 2, "field", "fullName"),
                Map.of("column", 3, "field", "email"),
                Map.of("column", 4, "field", "phone"),
                Map.of("column", 0, "field", "tags")),
            "saveMapping",
            true));
    JsonNode job = imports.finished(world.admin(), id);

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(2);
    Map<String, JsonNode> leads = byLastName(leadsOf(world.admin(), id));
    assertThat(leads.get("Lovelace").get("firstName").asString()).isEqualTo("Ada");
    assertThat(leads.get("Hopper").get("firstName").asString()).isEqualTo("Grace");
    assertThat(leads.get("Lovelace").get("tags").get(0).asString()).isEqualTo("x");
    // The saved choice is proposed for the tenant's next file, over the common spelling.
    JsonNode next =
        imports.uploaded(
            world.admin(), TestFiles.csv("Vorname,Email\nZed,z@example.com\n"), "b.csv");
    assertThat(next.get("proposedMapping").get(0).get("field").asString()).isEqualTo("tags");
    assertThat(next.get("proposedMapping").get(0).get("matchedBy").asString()).isEqualTo("SAVED");
  }

  @Test
  void skipPolicyLeavesDuplicatesInTheFileAndInTheTenantAlone() throws Exception {
    fixtures.createLead(
        world.admin(),
        Map.of("firstName", "Old", "lastName", "Existing", "email", "old@example.com"));
    byte[] file =
        people(
            "Ada,Lovelace,ada@example.com,2015550123,,,",
            "Ada,Again,ADA@example.com,,,,",
            "Someone,Else,,201-555-0123,,,",
            "Old,Twin,old@example.com,,,,");

    JsonNode job = imports.run(world.admin(), file, "people.csv", "SKIP");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(1);
    assertThat(job.get("progress").get("skipped").asInt()).isEqualTo(3);
    assertThat(job.get("errorReport").asString()).endsWith("/errors.xlsx");
    List<String> reasons =
        jdbc.sql("select reason from import_error where import_id = :id order by row_number")
            .param("id", Imports.id(job))
            .query(String.class)
            .list();
    assertThat(reasons.get(0)).contains("same email as row 2");
    assertThat(reasons.get(1)).contains("same phone number as row 2");
    assertThat(reasons.get(2)).contains("already has this email");
  }

  @Test
  void updatePolicyWritesIntoTheExistingLeadAndTheEarlierRow() throws Exception {
    JsonNode existing =
        fixtures.createLead(
            world.admin(),
            Map.of(
                "firstName",
                "Old",
                "lastName",
                "Existing",
                "email",
                "old@example.com",
                "source",
                "Web"));
    byte[] file =
        people(
            "Ada,Lovelace,ada@example.com,,,,",
            "Ada,Lovelace,ada@example.com,2015550123,Zillow,,",
            ",Renamed,old@example.com,,,TX,500000");

    JsonNode job = imports.run(world.admin(), file, "people.csv", "UPDATE");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(1);
    assertThat(job.get("progress").get("updated").asInt()).isEqualTo(2);
    JsonNode old =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/{id}", existing.get("id").asString())
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn());
    assertThat(old.get("firstName").asString()).as("empty cells change nothing").isEqualTo("Old");
    assertThat(old.get("lastName").asString()).isEqualTo("Renamed");
    assertThat(old.get("source").asString()).isEqualTo("Web");
    assertThat(old.get("propertyState").asString()).isEqualTo("TX");
    assertThat(old.get("version").asLong()).isEqualTo(1);
    Map<String, JsonNode> leads = byLastName(leadsOf(world.admin(), Imports.id(job)));
    assertThat(leads.get("Lovelace").get("phoneE164").asString()).isEqualTo("+12015550123");
    assertThat(leads.get("Lovelace").get("source").asString()).isEqualTo("Zillow");
    assertThat(leads).containsKeys("Renamed");
  }

  @Test
  void createPolicyCreatesDuplicatesAnyway() throws Exception {
    fixtures.createLead(
        world.admin(),
        Map.of("firstName", "Old", "lastName", "Existing", "email", "old@example.com"));
    JsonNode job =
        imports.run(
            world.admin(),
            people("A,One,old@example.com,,,,", "B,Two,old@example.com,,,,"),
            "people.csv",
            "CREATE");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(2);
    assertThat(job.get("progress").get("skipped").asInt()).isZero();
  }

  @Test
  void leadsAreAssignedByTheRulesUnlessTheFileNamesAnAssignee() throws Exception {
    mvc.perform(
            put("/api/leads/assignment/rules")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    Fixtures.JSON.writeValueAsString(
                        Map.of(
                            "rules",
                            List.of(
                                Map.of(
                                    "name",
                                    "Everyone",
                                    "match",
                                    Map.of(),
                                    "action",
                                    Map.of(
                                        "type", "TEAM_ROUND_ROBIN", "teamId", team.toString())))))))
        .andReturn();
    String agentEmail =
        jdbc.sql("select email from agent where user_id = :id")
            .param("id", agentA.id())
            .query(String.class)
            .single();
    StringBuilder csv = new StringBuilder("Name,Email,Assigned To\n");
    for (int i = 0; i < 6; i++) {
      csv.append("Lead ").append(i).append(",l").append(i).append("@example.com,\n");
    }
    csv.append("Named Lead,named@example.com,").append(agentEmail.toUpperCase()).append('\n');
    csv.append("Nobody Lead,nobody@example.com,stranger@example.com\n");

    JsonNode job = imports.run(world.admin(), TestFiles.csv(csv.toString()), "rr.csv", "SKIP");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(7);
    assertThat(job.get("progress").get("failed").asInt()).isEqualTo(1);
    Map<String, Integer> perAgent = new HashMap<>();
    String namedAssignee = null;
    String routedLead = null;
    String namedLead = null;
    for (JsonNode lead : leadsOf(world.admin(), Imports.id(job)).get("items")) {
      if (lead.get("lastName").asString().equals("Lead")
          && lead.get("firstName").asString().equals("Named")) {
        namedAssignee = lead.get("assigneeId").asString();
        namedLead = lead.get("id").asString();
      } else {
        routedLead = lead.get("id").asString();
        perAgent.merge(lead.get("assigneeId").asString(), 1, Integer::sum);
      }
    }
    assertThat(namedAssignee).isEqualTo(agentA.id().toString());
    assertThat(perAgent).containsOnlyKeys(agentA.id().toString(), agentB.id().toString());
    assertThat(perAgent.values()).containsOnly(3);
    int ruleAssignments =
        jdbc.sql("select count(*) from lead_assignment where tenant_id = :t and method = 'RULE'")
            .param("t", world.tenantId())
            .query(Integer.class)
            .single();
    assertThat(ruleAssignments).isEqualTo(6);

    // Each lead's history says it was imported, by whom, by which import, and to whom it went.
    JsonNode named = history(namedLead);
    assertThat(named).hasSize(1);
    assertThat(named.get(0).get("action").asString()).isEqualTo("IMPORTED");
    assertThat(named.get(0).get("actorId").asString()).isEqualTo(world.admin().id().toString());
    assertThat(named.get(0).get("requestId").asString()).isEqualTo("import:" + Imports.id(job));
    assertThat(named.get(0).get("reason").asString()).isEqualTo("Imported from rr.csv");
    assertThat(named.get(0).get("newValue").get("importId").asString())
        .isEqualTo(Imports.id(job).toString());
    assertThat(named.get(0).get("newValue").get("assigneeId").asString())
        .isEqualTo(agentA.id().toString());
    JsonNode routed = history(routedLead);
    assertThat(routed).hasSize(1);
    assertThat(routed.get(0).get("reason").asString())
        .isEqualTo("Imported from rr.csv; assigned by an assignment rule");
    assertThat(routed.get(0).get("newValue").get("assigneeId").asString())
        .isIn(agentA.id().toString(), agentB.id().toString());
  }

  private JsonNode history(String leadId) throws Exception {
    return Fixtures.read(
            mvc.perform(
                    get("/api/leads/" + leadId + "/history")
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn())
        .get("items");
  }

  @Test
  void supervisorsImportIntoTheirOwnTeam() throws Exception {
    UUID otherTeam = fixtures.team(world);
    Member outsider = fixtures.agent(world, otherTeam);
    Member supervisor = fixtures.supervisor(world, team);
    mvc.perform(
            put("/api/leads/assignment/rules")
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    Fixtures.JSON.writeValueAsString(
                        Map.of(
                            "rules",
                            List.of(
                                Map.of(
                                    "name", "Outsiders first",
                                    "match", Map.of(),
                                    "action",
                                        Map.of(
                                            "type",
                                            "USER",
                                            "userId",
                                            outsider.id().toString())))))))
        .andReturn();

    JsonNode job =
        imports.run(
            supervisor,
            people("A,One,a1@example.com,,,,", "B,Two,b2@example.com,,,,"),
            "s.csv",
            "SKIP");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(2);
    List<UUID> assignees =
        jdbc.sql("select assignee_id from lead where tenant_id = :t and created_by = :s")
            .param("t", world.tenantId())
            .param("s", supervisor.id())
            .query(UUID.class)
            .list();
    assertThat(assignees).containsOnly(supervisor.id());
  }

  @Test
  void importAnnouncesOneEventAndNoLeadEvents() throws Exception {
    JsonNode job =
        imports.run(
            world.admin(), people("A,One,a1@example.com,,,,", "B,Two,b@x,,,,"), "e.csv", "SKIP");

    List<String> types =
        jdbc.sql("select type from outbox_event where tenant_id = :t order by id")
            .param("t", world.tenantId())
            .query(String.class)
            .list();
    assertThat(types).containsExactly("LeadsImported");
    JsonNode payload =
        Fixtures.JSON.readTree(
            jdbc.sql("select payload::text from outbox_event where aggregate_id = :id")
                .param("id", Imports.id(job))
                .query(String.class)
                .single());
    assertThat(payload.get("importId").asString()).isEqualTo(job.get("id").asString());
    assertThat(payload.get("created").asInt()).isEqualTo(1);
    assertThat(payload.get("failed").asInt()).isEqualTo(1);
    assertThat(payload.get("skipped").asInt()).isZero();
    assertThat(payload.get("updated").asInt()).isZero();
    assertThat(payload.get("actorId").asString()).isEqualTo(world.admin().id().toString());
  }

  @Test
  void undoRemovesUntouchedLeadsAndKeepsWorkedOnes() throws Exception {
    JsonNode job =
        imports.run(
            world.admin(),
            people(
                "A,One,a1@example.com,,,,",
                "B,Two,b2@example.com,,,,",
                "C,Three,c3@example.com,,,,"),
            "u.csv",
            "SKIP");
    UUID touched =
        jdbc.sql(
                "select lead_id from imported_lead where import_id = :id order by row_number limit 1")
            .param("id", Imports.id(job))
            .query(UUID.class)
            .single();
    mvc.perform(
            put("/api/leads/{id}/status", touched)
                .header(HttpHeaders.AUTHORIZATION, world.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"Contacted\"}"))
        .andReturn();

    JsonNode undo =
        Fixtures.read(
            mvc.perform(
                    post("/api/leads/imports/{id}/undo", Imports.id(job))
                        .header(HttpHeaders.AUTHORIZATION, world.admin().bearer()))
                .andReturn());

    assertThat(undo.get("removed").asInt()).isEqualTo(2);
    assertThat(undo.get("kept").asInt()).isEqualTo(1);
    assertThat(leadsOf(world.admin(), Imports.id(job)).get("items")).hasSize(1);
    JsonNode after = imports.status(world.admin(), Imports.id(job));
    assertThat(after.get("undo").get("removed").asInt()).isEqualTo(2);
    // The removed leads' history goes with them; the kept lead's stays.
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from lead_history h
                     where h.tenant_id = :t
                       and not exists (select 1 from lead l where l.id = h.lead_id)
                    """)
                .param("t", world.tenantId())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from lead_history where lead_id = :id")
                .param("id", touched)
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where aggregate_id = :id and type = 'LeadsImportUndone'")
                .param("id", Imports.id(job))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void customFieldsAreCheckedAgainstDefinitionsFetchedOnce() throws Exception {
    UserServiceStub.server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        UserServiceStub.DEFINITIONS))
                .atPriority(1)
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                            [{"key":"closeDate","label":"Expected close","type":"DATE","required":false},
                             {"key":"firstTime","label":"First time buyer","type":"BOOLEAN","required":true},
                             {"key":"tier","label":"Tier","type":"SELECT","options":["Gold","Silver"],"required":false}]
                            """)));
    byte[] file =
        TestFiles.xlsx(
            List.of(
                List.of("Name", "Expected close", "firstTime", "Tier"),
                Arrays.asList(
                    "Ada Lovelace", new ExcelDate(LocalDate.of(2026, 5, 1)), "yes", "gold"),
                Arrays.asList("Grace Hopper", 46143, "no", "Bronze"),
                Arrays.asList("Linus Torvalds", null, null, null)));
    UserServiceStub.server().resetRequests();

    JsonNode job = imports.run(world.admin(), file, "custom.xlsx", "SKIP");

    assertThat(job.get("progress").get("created").asInt()).isEqualTo(1);
    assertThat(job.get("progress").get("failed").asInt()).isEqualTo(2);
    JsonNode ada = leadsOf(world.admin(), Imports.id(job)).get("items").get(0);
    assertThat(ada.get("customFields").get("closeDate").asString()).isEqualTo("2026-05-01");
    assertThat(ada.get("customFields").get("firstTime").asBoolean()).isTrue();
    assertThat(ada.get("customFields").get("tier").asString()).isEqualTo("Gold");
    // Once at upload (for the proposal) and once at start; never per row, never /validate.
    assertThat(
            UserServiceStub.server()
                .countRequestsMatching(
                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                UserServiceStub.DEFINITIONS))
                        .build())
                .getCount())
        .isEqualTo(2);
    assertThat(
            UserServiceStub.server()
                .countRequestsMatching(
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                UserServiceStub.VALIDATE))
                        .build())
                .getCount())
        .isZero();
    List<String> reasons =
        jdbc.sql(
                "select column_name || ': ' || reason from import_error where import_id = :id order by row_number, seq")
            .param("id", Imports.id(job))
            .query(String.class)
            .list();
    assertThat(reasons).contains("Tier: must be one of Gold, Silver", "firstTime: is required");
  }

  @Test
  void anInterruptedJobIsResumedAfterItsLastCommittedBatch() throws Exception {
    StringBuilder csv = new StringBuilder("Name,Email\n");
    for (int i = 1; i <= 100; i++) {
      csv.append("Lead ").append(i).append(",r").append(i).append("@example.com\n");
    }
    JsonNode uploaded =
        imports.uploaded(world.admin(), TestFiles.csv(csv.toString()), "resume.csv");
    UUID id = Imports.id(uploaded);
    // As if an instance had queued it, written rows 2 to 41 (the first batch), and died.
    jdbc.sql(
            """
            update import_job set state = 'RUNNING', owner = 'gone', mapping = cast(:mapping as jsonb),
                   duplicate_policy = 'SKIP', custom_field_definitions = '[]'::jsonb,
                   checkpoint_row = 41, rows_read = 40, created = 40,
                   heartbeat_at = now() - interval '1 hour', started_at = now() - interval '1 hour'
             where id = :id
            """)
        .param("id", id)
        .param("mapping", Fixtures.JSON.writeValueAsString(Imports.proposed(uploaded)))
        .update();

    JsonNode job = imports.finished(world.admin(), id);

    assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.get("progress").get("rowsRead").asInt()).isEqualTo(100);
    assertThat(job.get("progress").get("created").asInt()).isEqualTo(100);
    List<String> emails =
        jdbc.sql("select email from lead where tenant_id = :t order by email")
            .param("t", world.tenantId())
            .query(String.class)
            .list();
    // Rows 2 to 41 hold r1 to r40: the resumed job wrote r41 to r100, and nothing twice.
    assertThat(emails)
        .hasSize(60)
        .contains("r41@example.com", "r100@example.com")
        .doesNotContain("r40@example.com");
  }
}
