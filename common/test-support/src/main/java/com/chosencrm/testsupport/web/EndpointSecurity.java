package com.chosencrm.testsupport.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The negative suite every endpoint gets, in one line each:
 *
 * <pre>{@code
 * EndpointSecurity.of(mvc, () -> get("/api/users/{id}", id))
 *     .rejectsMissingAndBrokenTokens(TestTokens.user(userId, tenantId))
 *     .forbids(agentToken)
 *     .hidesFrom(otherTenantAdminToken);
 * }</pre>
 *
 * Every answer must be problem+json with the stable type for its status.
 */
public final class EndpointSecurity {

  private final MockMvc mvc;
  private final Supplier<MockHttpServletRequestBuilder> request;

  private EndpointSecurity(MockMvc mvc, Supplier<MockHttpServletRequestBuilder> request) {
    this.mvc = mvc;
    this.request = request;
  }

  public static EndpointSecurity of(MockMvc mvc, Supplier<MockHttpServletRequestBuilder> request) {
    return new EndpointSecurity(mvc, request);
  }

  /** No token, and each broken variant of a token for {@code validShape}: 401. */
  public EndpointSecurity rejectsMissingAndBrokenTokens(TestTokens validShape) {
    expect(request.get(), 401, "unauthorized", "no token");
    for (Map.Entry<String, String> broken : validShape.brokenVariants().entrySet()) {
      expect(withToken(broken.getValue()), 401, "unauthorized", broken.getKey());
    }
    return this;
  }

  public EndpointSecurity rejectsMissingToken() {
    expect(request.get(), 401, "unauthorized", "no token");
    return this;
  }

  /** A caller whose role may not do this: 403. */
  public EndpointSecurity forbids(String token) {
    expect(withToken(token), 403, "forbidden", "wrong role");
    return this;
  }

  /** A caller of another tenant, using this tenant's id: 404, as if it did not exist. */
  public EndpointSecurity hidesFrom(String otherTenantToken) {
    expect(withToken(otherTenantToken), 404, "not-found", "another tenant's id");
    return this;
  }

  private MockHttpServletRequestBuilder withToken(String token) {
    return request.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  private void expect(MockHttpServletRequestBuilder builder, int status, String type, String why) {
    try {
      mvc.perform(builder.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(status().is(status))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/" + type))
          .andExpect(jsonPath("$.status").value(status))
          .andExpect(header().exists("X-Request-Id"));
    } catch (AssertionError e) {
      throw new AssertionError("Case '" + why + "': " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Case '" + why + "' failed to run", e);
    }
  }
}
