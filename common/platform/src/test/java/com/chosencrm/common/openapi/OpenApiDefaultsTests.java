package com.chosencrm.common.openapi;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

  private static final String GADGET = "$.components.schemas.Gadget";

  @Autowired MockMvc mvc;

  @Test
  void documentHasBearerSchemeAndResolvableProblemResponses() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("platform-test"))
        .andExpect(jsonPath("$.servers[0].url").value("/"))
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

  @Test
  void createdAndNoContentAnswersAreDocumentedAsSent() throws Exception {
    String create = "$.paths['/api/probe/gadgets'].post.responses";
    String delete = "$.paths['/api/probe/gadgets/{id}'].delete.responses";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(create + "['200']").doesNotExist())
        .andExpect(
            jsonPath(create + "['201'].content['application/json'].schema['$ref']")
                .value("#/components/schemas/Gadget"))
        .andExpect(
            jsonPath(create + "['201'].headers.Location.schema.format").value("uri-reference"))
        .andExpect(
            jsonPath(create + "['409'].content['application/problem+json'].schema['$ref']")
                .value("#/components/schemas/Problem"))
        .andExpect(jsonPath(delete + "['200']").doesNotExist())
        .andExpect(jsonPath(delete + "['204']").exists())
        .andExpect(jsonPath(delete + "['204'].content").doesNotExist())
        .andExpect(jsonPath(delete + "['404']").exists());
  }

  @Test
  void declaringOnlyAnErrorResponseKeepsTheSuccessfulAnswer() throws Exception {
    String create = "$.paths['/api/probe/things'].post.responses";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(create + "['200'].content['application/json'].schema").exists())
        .andExpect(
            jsonPath(create + "['409'].content['application/problem+json'].schema['$ref']")
                .value("#/components/schemas/Problem"))
        .andExpect(jsonPath(create + "['409'].content['application/json']").doesNotExist());
  }

  @Test
  void acceptedAnswersKeepTheirBodyAndDeclaredHeaders() throws Exception {
    String polish = "$.paths['/api/probe/gadgets/{id}/polish'].post.responses";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(polish + "['200']").doesNotExist())
        .andExpect(
            jsonPath(polish + "['202'].content['application/json'].schema['$ref']")
                .value("#/components/schemas/Gadget"))
        .andExpect(jsonPath(polish + "['202'].headers.Location").exists());
  }

  @Test
  void publicOperationsNeedNoTokenAndSecuredOnesMayBeRefused() throws Exception {
    String open = "$.paths['/api/probe/public'].get";
    String secured = "$.paths['/api/probe/me'].get";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(open + ".security").isEmpty())
        .andExpect(jsonPath(open + ".responses['401']").doesNotExist())
        .andExpect(jsonPath(open + ".responses['403']").doesNotExist())
        .andExpect(jsonPath(open + ".responses['400']").doesNotExist())
        .andExpect(jsonPath(open + ".responses['404']").doesNotExist())
        .andExpect(jsonPath(secured + ".responses['401']").exists())
        .andExpect(jsonPath(secured + ".responses['403']").exists())
        .andExpect(jsonPath(secured + ".responses['400']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/probe/things/{id}'].get.responses['404']").exists())
        .andExpect(jsonPath("$.paths['/api/probe/things'].post.responses['400']").exists());
  }

  @Test
  void answeredRecordsRequireEveryFieldAndAllowNullOnlyWhereAnnotated() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(
            jsonPath(
                GADGET + ".required", containsInAnyOrder("id", "name", "colour", "size", "origin")))
        .andExpect(jsonPath(GADGET + ".properties.id.type").value("string"))
        .andExpect(jsonPath(GADGET + ".properties.name.type").value("string"))
        .andExpect(jsonPath(GADGET + ".properties.colour.type", contains("string", "null")))
        .andExpect(jsonPath(GADGET + ".properties.size.type", contains("string", "null")))
        .andExpect(
            jsonPath(GADGET + ".properties.size.enum", containsInAnyOrder("S", "M", "L", null)))
        .andExpect(
            jsonPath(GADGET + ".properties.origin.anyOf[0]['$ref']")
                .value("#/components/schemas/ThingRequest"))
        .andExpect(jsonPath(GADGET + ".properties.origin.anyOf[1].type").value("null"));
  }

  @Test
  void requestBodiesRequireWhatTheirValidationRequires() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath("$.components.schemas.GadgetRequest.required", contains("name")))
        .andExpect(jsonPath("$.components.schemas.GadgetRequest.required", not(hasItem("colour"))));
  }
}
