package com.chosencrm.lead;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.chosencrm.testsupport.web.OpenApiSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * lead-service's OpenAPI document says what the service does (the SPA's types are generated from
 * it), and the committed snapshot in frontend/openapi is that document.
 */
@LeadServiceTest
class OpenApiDocumentTests {

  private static final String LEAD = "$.components.schemas.LeadView";

  @Autowired MockMvc mvc;

  @Test
  void committedSnapshotIsTheServedDocument() throws Exception {
    OpenApiSnapshot.check(mvc, "lead-service");
  }

  @Test
  void createdAcceptedAndEmptyAnswersAreDocumentedWithTheirStatus() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(
            jsonPath("$.paths['/api/leads'].post.responses['201'].headers.Location").exists())
        .andExpect(jsonPath("$.paths['/api/leads'].post.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/leads'].post.responses['409']").exists())
        .andExpect(jsonPath("$.paths['/api/leads/{id}'].delete.responses['204']").exists())
        .andExpect(jsonPath("$.paths['/api/leads/{id}'].delete.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/leads/imports'].post.responses['201']").exists())
        .andExpect(
            jsonPath("$.paths['/api/leads/import'].post.responses['202'].headers.Location")
                .exists())
        .andExpect(
            jsonPath("$.paths['/api/leads/imports/{id}/start'].post.responses['202']").exists())
        .andExpect(
            jsonPath("$.paths['/api/leads/imports/{id}/start'].post.responses['200']")
                .doesNotExist());
  }

  @Test
  void theListFilterIsItsQueryParameters() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(
            jsonPath(
                "$.paths['/api/leads'].get.parameters[*].name",
                hasItems("status", "tags", "sort")));
  }

  @Test
  void answersRequireEveryFieldAndAllowNullOnlyWhereItCanBeNull() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(LEAD + ".required", hasItems("id", "email", "version", "consent")))
        .andExpect(jsonPath(LEAD + ".properties.id.type").value("string"))
        .andExpect(jsonPath(LEAD + ".properties.version.type").value("integer"))
        .andExpect(jsonPath(LEAD + ".properties.email.type", contains("string", "null")))
        .andExpect(jsonPath(LEAD + ".properties.consent.anyOf[1].type").value("null"))
        .andExpect(jsonPath(LEAD + ".properties.tags.type").value("array"))
        // Match is also sent (in a rule), where a criterion that may be null may be left out.
        .andExpect(
            jsonPath(
                "$.components.schemas.Match.required",
                containsInAnyOrder("sources", "states", "loanPurposes", "creditBands")));
  }
}
