package com.chosencrm.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.signing.SigningKeys;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Every way a token can be wrong, against user-service's own protected endpoint: all 401. */
@UserServiceTest
class JwtNegativeSuiteTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired SigningKeys signingKeys;
  @Autowired Tenants tenants;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  /** The service's active key as anyone can fetch it. */
  private RSAKey publishedActiveKey() throws Exception {
    String body =
        mvc.perform(get("/.well-known/jwks.json"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String kid = signingKeys.activeKey().getKeyID();
    return JWKSet.parse(body).getKeyByKeyId(kid).toRSAKey();
  }

  private void expectRejected(String token) throws Exception {
    mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"))
        .andExpect(header().exists("X-Request-Id"));
  }

  @Test
  void whenTokenIsWellFormedAndSignedByTheService_thenItIsAccepted() throws Exception {
    // The control: the broken variants below differ from this token in one thing each.
    Member admin = fixtures.newTenant().admin();
    String token =
        ServiceSignedTokens.validShape(admin.id(), admin.tenantId(), "ADMIN")
            .signWith(signingKeys.activeKey());

    auth.me(token).andExpect(status().isOk());
  }

  @TestFactory
  Stream<DynamicTest> whenTokenIsForgedOrInvalid_thenUnauthorized() throws Exception {
    Member admin = fixtures.newTenant().admin();
    Map<String, String> variants =
        ServiceSignedTokens.brokenVariants(
            admin.id(),
            admin.tenantId(),
            List.of("AGENT"),
            signingKeys.activeKey(),
            publishedActiveKey());
    assertThat(variants).hasSize(10);
    return variants.entrySet().stream()
        .map(
            variant ->
                DynamicTest.dynamicTest(
                    variant.getKey(), () -> expectRejected(variant.getValue())));
  }

  @Test
  void whenNoTokenIsSent_thenUnauthorized() throws Exception {
    mvc.perform(get("/api/auth/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"));
  }

  @Test
  void whenTokenWasLoggedOut_thenUnauthorized() throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session session = auth.signIn(admin.email(), Fixtures.PASSWORD);
    auth.logout(session.accessToken(), null).andExpect(status().isNoContent());

    expectRejected(session.accessToken());
  }

  @Test
  void whenTokensTenantIsSuspended_thenUnauthorizedAtOnce() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    auth.me(agent.token()).andExpect(status().isOk());
    Member operator =
        fixtures.member(
            tenants.platformTenant().id(), Set.of(Role.PLATFORM_ADMIN), null, "operator");

    mvc.perform(
            post("/api/platform/tenants/{id}/suspend", world.tenantId())
                .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
        .andExpect(status().isOk());

    expectRejected(agent.token());
    expectRejected(world.admin().token());
  }
}
