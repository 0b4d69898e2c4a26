package com.chosencrm.user.user;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Sets up users and teams through the endpoints, as an admin would. */
public final class Api {

  public static final String PASSWORD = "Sturdy-Password-2024";

  private final MockMvc mvc;
  private final JsonMapper json;

  public Api(MockMvc mvc, JsonMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  public String body(Object... keysAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return json.writeValueAsString(body);
  }

  /** A JSON request carrying the member's token. */
  public MockHttpServletRequestBuilder as(
      Fixtures.Member member, MockHttpServletRequestBuilder request) {
    return request
        .header(HttpHeaders.AUTHORIZATION, member.bearer())
        .contentType(MediaType.APPLICATION_JSON);
  }

  public UUID createUser(
      Fixtures.Member admin,
      String firstName,
      String lastName,
      String email,
      List<String> roles,
      UUID teamId)
      throws Exception {
    String response =
        mvc.perform(
                as(admin, post("/api/users"))
                    .content(
                        body(
                            "email", email,
                            "firstName", firstName,
                            "lastName", lastName,
                            "password", PASSWORD,
                            "roles", roles,
                            "teamId", teamId)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(response, "$.id"));
  }

  public UUID createTeam(Fixtures.Member admin, String name, UUID supervisorId) throws Exception {
    String response =
        mvc.perform(
                as(admin, post("/api/teams"))
                    .content(body("name", name, "supervisorId", supervisorId)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(response, "$.id"));
  }
}
