package com.chosencrm.lead.customfield;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.lead.UserServiceStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Custom fields are checked by user-service, called with the caller's token. */
@LeadServiceTest
class CustomFieldValidationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  World world;
  Member agent;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    agent = fixtures.agent(world, null);
  }

  @AfterEach
  void resetStub() {
    UserServiceStub.resetToDefaults();
  }

  @Test
  void valuesAreStoredAsUserServiceNormalisedThem() {
    UserServiceStub.server()
        .stubFor(
            WireMock.post(urlEqualTo(UserServiceStub.VALIDATE))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.values.closingDate", equalTo(" 2026-07-01 ")))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"entity\":\"LEAD\",\"values\":{\"closingDate\":\"2026-07-01\"}}")));

    JsonNode lead =
        fixtures.createLead(
            agent,
            Map.of("lastName", "Custom", "customFields", Map.of("closingDate", " 2026-07-01 ")));

    assertThat(lead.get("customFields").get("closingDate").asString()).isEqualTo("2026-07-01");
    UserServiceStub.server()
        .verify(
            postRequestedFor(urlEqualTo(UserServiceStub.VALIDATE))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo(agent.bearer()))
                .withRequestBody(matchingJsonPath("$.entity", equalTo("LEAD"))));
  }

  @Test
  void userServicesFieldErrorsComeBackAsOurs() throws Exception {
    UserServiceStub.server()
        .stubFor(
            WireMock.post(urlEqualTo(UserServiceStub.VALIDATE))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.values.budget", equalTo("lots")))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            """
                            {"type":"https://chosencrm.dev/problems/validation","status":400,
                             "errors":[{"field":"customFields.budget","message":"must be a number"}]}
                            """)));

    mvc.perform(
            post("/api/leads")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\":\"Budget\",\"customFields\":{\"budget\":\"lots\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customFields.budget"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
  }

  @Test
  void whenUserServiceFailsTheAnswerIs503AndNothingIsStored() throws Exception {
    UserServiceStub.server()
        .stubFor(
            WireMock.post(urlEqualTo(UserServiceStub.VALIDATE))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.values.explode", equalTo("yes")))
                .willReturn(aResponse().withStatus(500)));

    mvc.perform(
            post("/api/leads")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\":\"Boom\",\"customFields\":{\"explode\":\"yes\"}}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/service-unavailable"));
    // One retry, then give up.
    UserServiceStub.server()
        .verify(
            2,
            postRequestedFor(urlEqualTo(UserServiceStub.VALIDATE))
                .withRequestBody(matchingJsonPath("$.values.explode")));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/leads/search?q=boom")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }
}
