package com.chosencrm.common.openapi;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document every service publishes, without a token, ready for client generation. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDefaultsTests {

  @Autowired MockMvc mvc;

  @Test
  void documentHasBearerSchemeAndResolvableProblemResponses() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("platform-test"))
        .andExpect(jsonPath("$.paths['/api/probe/me'].get.parameters").doesNotExist())
        .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"))
        .andExpect(
            jsonPath("$.components.schemas.Problem.properties.requestId.type").value("string"))
        .andExpect(jsonPath("$.components.schemas.Problem.properties.status.type").value("integer"))
        .andExpect(
            jsonPath(
                    "$.paths['/api/probe/me'].get.responses['401'].content['application/problem+json'].schema['$ref']")
                .value("#/components/schemas/Problem"));
  }
}
