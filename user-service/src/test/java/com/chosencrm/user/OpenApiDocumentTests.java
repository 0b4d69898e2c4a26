package com.chosencrm.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.chosencrm.testsupport.web.OpenApiSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * user-service's OpenAPI document says what the service does (the SPA's types are generated from
 * it), and the committed snapshot in frontend/openapi is that document.
 */
@UserServiceTest
class OpenApiDocumentTests {

  private static final String SCHEMAS = "$.components.schemas.";

  @Autowired MockMvc mvc;

  @Test
  void committedSnapshotIsTheServedDocument() throws Exception {
    OpenApiSnapshot.check(mvc, "user-service");
  }

  @Test
  void createdAndEmptyAnswersAreDocumentedWithTheirStatus() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(
            jsonPath("$.paths['/api/users'].post.responses['201'].headers.Location").exists())
        .andExpect(jsonPath("$.paths['/api/users'].post.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/auth/register'].post.responses['201']").exists())
        .andExpect(jsonPath("$.paths['/api/teams'].post.responses['201']").exists())
        .andExpect(
            jsonPath("$.paths['/api/settings/custom-fields'].post.responses['201']").exists())
        .andExpect(jsonPath("$.paths['/api/users/{id}'].delete.responses['204']").exists())
        .andExpect(jsonPath("$.paths['/api/users/{id}'].delete.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/teams/{id}'].delete.responses['204']").exists())
        .andExpect(
            jsonPath("$.paths['/api/settings/custom-fields/{id}'].delete.responses['204']")
                .exists())
        .andExpect(jsonPath("$.paths['/api/users/me/password'].post.responses['204']").exists())
        .andExpect(jsonPath("$.paths['/api/auth/logout'].post.responses['204']").exists());
  }

  @Test
  void publicOperationsNeedNoTokenAndDocumentTheirRefusals() throws Exception {
    String login = "$.paths['/api/auth/login'].post";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(login + ".security").isEmpty())
        .andExpect(jsonPath(login + ".responses['401']").exists())
        .andExpect(jsonPath(login + ".responses['429'].headers['Retry-After']").exists())
        .andExpect(jsonPath("$.paths['/api/auth/me'].get.security").doesNotExist())
        .andExpect(
            jsonPath(
                    "$.paths['/api/users'].post.responses['409'].content['application/problem+json']")
                .exists());
  }

  @Test
  void answersRequireEveryFieldAndAllowNullOnlyWhereItCanBeNull() throws Exception {
    String user = SCHEMAS + "UserResponse";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath(user + ".required", hasItems("id", "email", "teamId", "deactivatedAt")))
        .andExpect(jsonPath(user + ".properties.id.type").value("string"))
        .andExpect(jsonPath(user + ".properties.teamId.type", contains("string", "null")))
        .andExpect(jsonPath(SCHEMAS + "CursorPageUserResponse.required", hasItems("nextCursor")))
        .andExpect(
            jsonPath(
                SCHEMAS + "CursorPageUserResponse.properties.nextCursor.type",
                contains("string", "null")))
        // A request still requires only what its validation requires.
        .andExpect(
            jsonPath(
                SCHEMAS + "CreateUserRequest.required",
                contains("email", "firstName", "lastName", "password", "roles")));
  }
}
