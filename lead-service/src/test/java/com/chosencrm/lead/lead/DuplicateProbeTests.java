package com.chosencrm.lead.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.lead.DuplicateDetector.Candidate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Duplicate checks and by-phone lookups stay index probes by the contact when the statistics know
 * nothing of the tenant: the case of a new tenant, and of any tenant while an import grows it.
 */
@LeadServiceTest
class DuplicateProbeTests {

  private static final int LEADS = 3_000;

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired DuplicateDetector duplicates;

  @Test
  void probesByTheContactWhenStatisticsDoNotKnowTheTenant() throws Exception {
    World known = fixtures.newTenant();
    fixtures.createLead(known.admin(), "Known", "Tenant");
    bulkInsert(known.tenantId(), "known");
    jdbc.sql("analyze lead").update();

    // Written after the statistics: the planner takes this tenant for a handful of rows.
    World grown = fixtures.newTenant();
    JsonNode lead =
        fixtures.createLead(
            grown.admin(),
            Map.of(
                "firstName", "Ada",
                "lastName", "Probe",
                "email", "Ada.Probe@Example.test",
                "phone", "(415) 555-0199"));
    UUID adaId = UUID.fromString(lead.get("id").asString());
    bulkInsert(grown.tenantId(), "grown");

    List<List<DuplicateMatch>> found =
        duplicates.find(
            grown.tenantId(),
            List.of(
                new Candidate("ada.probe@example.test", null),
                new Candidate(null, "+14155550199"),
                new Candidate("grown17@bulk.test", "+19995550000"),
                new Candidate("nobody@example.test", null)),
            List.of());
    assertThat(found.get(0)).extracting(DuplicateMatch::leadId).containsExactly(adaId);
    assertThat(found.get(1)).extracting(DuplicateMatch::leadId).containsExactly(adaId);
    assertThat(found.get(2)).hasSize(1);
    assertThat(found.get(3)).isEmpty();
    // The same contacts in the other tenant are not its duplicates.
    assertThat(
            duplicates.find(
                known.tenantId(), List.of(new Candidate("grown17@bulk.test", null)), List.of()))
        .containsExactly(List.of());

    String plan =
        jdbc.sql("explain (format json) " + DuplicateDetector.PROBE)
            .param("tenantId", grown.tenantId())
            .param("emails", new String[] {"ada.probe@example.test", "grown17@bulk.test"})
            .param("phones", new String[] {"+14155550199"})
            .param("excluded", new UUID[0])
            .query(String.class)
            .single();
    assertThat(indexesIn(plan)).containsExactlyInAnyOrder("lead_email_idx", "lead_phone_idx");

    assertThat(byPhone(grown.admin(), "+14155550199")).contains(adaId.toString());
    String elsewhere = byPhone(known.admin(), "+14155550199");
    assertThat(elsewhere).doesNotContain(adaId.toString());
  }

  private String byPhone(Fixtures.Member member, String e164) throws Exception {
    return mvc.perform(
            get("/api/leads/by-phone/" + e164).header(HttpHeaders.AUTHORIZATION, member.bearer()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** Leads straight into the table, in the tenant's first stage, each with its own contacts. */
  private void bulkInsert(UUID tenantId, String prefix) {
    jdbc.sql(
            """
            insert into lead (id, tenant_id, first_name, last_name, email, email_normalized,
                              phone, phone_e164, stage_id, created_at, updated_at)
            select gen_random_uuid(), :tenantId, 'Bulk', 'Lead ' || n,
                   :prefix || n || '@bulk.test', :prefix || n || '@bulk.test',
                   '+1999' || lpad(n::text, 7, '0'), '+1999' || lpad(n::text, 7, '0'),
                   (select id from pipeline_stage where tenant_id = :tenantId
                     order by position limit 1),
                   now(), now()
              from generate_series(1, :count) as n
            """)
        .param("tenantId", tenantId)
        .param("prefix", prefix)
        .param("count", LEADS)
        .update();
  }

  private static List<String> indexesIn(String jsonPlan) {
    return java.util.regex.Pattern.compile("\"Index Name\": \"([^\"]+)\"")
        .matcher(jsonPlan)
        .results()
        .map(m -> m.group(1))
        .toList();
  }
}
