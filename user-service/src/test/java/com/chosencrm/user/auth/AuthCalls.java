package com.chosencrm.user.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth endpoints as a client calls them. Each login comes from an address of its own unless a
 * test picks one, so failures counted per IP never leak from one test into another.
 */
public final class AuthCalls {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private final MockMvc mvc;
  private final JsonMapper json;

  public AuthCalls(MockMvc mvc, JsonMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /** A client address no other test uses. */
  public static String newIp() {
    int n = ADDRESSES.incrementAndGet();
    return "10.77." + (n / 250) + "." + (n % 250 + 1);
  }

  public ResultActions register(Map<String, ?> body) throws Exception {
    return mvc.perform(jsonPost("/api/auth/register", body));
  }

  public ResultActions login(String email, String password) throws Exception {
    return login(email, password, newIp());
  }

  public ResultActions login(String email, String password, String clientIp) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("email", email);
    body.put("password", password);
    return mvc.perform(
        jsonPost("/api/auth/login", body)
            .with(
                request -> {
                  request.setRemoteAddr(clientIp);
                  return request;
                }));
  }

  /** Logs in and returns the token response; fails unless the answer is 200. */
  public Session signIn(String email, String password) throws Exception {
    MvcResult result = login(email, password).andReturn();
    if (result.getResponse().getStatus() != 200) {
      throw new AssertionError(
          "Login failed: "
              + result.getResponse().getStatus()
              + " "
              + result.getResponse().getContentAsString());
    }
    return Session.of(result.getResponse().getContentAsString());
  }

  public ResultActions refresh(String refreshToken) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("refreshToken", refreshToken);
    return mvc.perform(jsonPost("/api/auth/refresh", body));
  }

  public ResultActions logout(String accessToken, String refreshToken) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
    if (refreshToken != null) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(json.writeValueAsString(Map.of("refreshToken", refreshToken)));
    }
    return mvc.perform(request);
  }

  public ResultActions me(String accessToken) throws Exception {
    return mvc.perform(
        get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken));
  }

  /** A problem body without its request id, which differs on every answer by design. */
  public Map<String, Object> problemWithoutRequestId(ResultActions result) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> body =
        new LinkedHashMap<>(
            json.readValue(result.andReturn().getResponse().getContentAsString(), Map.class));
    body.remove("requestId");
    return body;
  }

  private MockHttpServletRequestBuilder jsonPost(String path, Map<String, ?> body) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .content(json.writeValueAsString(body));
  }

  /** The parts of a token response tests use. */
  public record Session(String accessToken, String refreshToken, String userId, String tenantId) {
    public static Session of(String body) {
      return new Session(
          JsonPath.read(body, "$.accessToken"),
          JsonPath.read(body, "$.refreshToken"),
          JsonPath.read(body, "$.user.id"),
          JsonPath.read(body, "$.user.tenantId"));
    }

    public String bearer() {
      return "Bearer " + accessToken;
    }
  }
}
