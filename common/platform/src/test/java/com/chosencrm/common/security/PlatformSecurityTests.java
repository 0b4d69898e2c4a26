package com.chosencrm.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PlatformSecurityTests {

  @Autowired MockMvc mvc;
  @Autowired TokenRevocations revocations;

  final UUID tenant = UUID.randomUUID();
  final UUID user = UUID.randomUUID();

  @Test
  void whenTokenIsValid_thenCurrentUserComesFromIt() throws Exception {
    String token = TestTokens.user(user, tenant).roles("AGENT").sign();
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value(user.toString()))
        .andExpect(jsonPath("$.tenantId").value(tenant.toString()))
        .andExpect(jsonPath("$.roles[0]").value("AGENT"));
  }

  @Test
  void whenTokenIsMissingOrBroken_thenUnauthorizedProblem() {
    EndpointSecurity.of(mvc, () -> get("/api/probe/me"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(user, tenant).roles("ADMIN"));
  }

  @Test
  void whenRoleIsWrong_thenForbiddenProblem() {
    EndpointSecurity.of(mvc, () -> get("/api/probe/admin"))
        .forbids(TestTokens.forRole("AGENT", tenant));
  }

  @Test
  void whenTokenIsRevoked_thenUnauthorized() throws Exception {
    String jti = UUID.randomUUID().toString();
    String token = TestTokens.user(user, tenant).tokenId(jti).sign();
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    revocations.revokeToken(jti, Instant.now().plusSeconds(900));
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void whenUsersTokensAreCutOff_thenOlderTokensFailAndNewerOnesWork() throws Exception {
    Instant issued = Instant.now().minusSeconds(30);
    String old = TestTokens.user(user, tenant).issuedAt(issued).sign();
    revocations.revokeUserTokensIssuedBefore(user, Instant.now().minusSeconds(5));
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + old))
        .andExpect(status().isUnauthorized());
    String fresh = TestTokens.user(user, tenant).sign();
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + fresh))
        .andExpect(status().isOk());
  }

  @Test
  void whenATokenWasAcceptedBefore_thenCutOffAndSuspensionStillStopItAtOnce() throws Exception {
    // Verified tokens are remembered; the deny-list must still be asked on every request.
    UUID tenantOfUser = UUID.randomUUID();
    UUID someone = UUID.randomUUID();
    String token =
        TestTokens.user(someone, tenantOfUser).issuedAt(Instant.now().minusSeconds(30)).sign();
    for (int i = 0; i < 3; i++) {
      mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
          .andExpect(status().isOk());
    }
    revocations.suspendTenant(tenantOfUser);
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    revocations.reactivateTenant(tenantOfUser);
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    revocations.revokeUserTokensIssuedBefore(someone, Instant.now().minusSeconds(5));
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    // A changed signature is verified afresh, not served from memory.
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + tampered))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void whenTenantIsSuspended_thenItsTokensStopWorking() throws Exception {
    UUID suspended = UUID.randomUUID();
    String token = TestTokens.user(user, suspended).sign();
    revocations.suspendTenant(suspended);
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    revocations.reactivateTenant(suspended);
    mvc.perform(get("/api/probe/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void whenBodyIsInvalid_thenProblemListsEveryField() throws Exception {
    String token = TestTokens.forRole("AGENT", tenant);
    mvc.perform(
            post("/api/probe/things")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"this name is far too long\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(jsonPath("$.errors[0].field").value("colour"))
        .andExpect(jsonPath("$.errors[0].message").value("Colour is required"))
        .andExpect(jsonPath("$.errors[1].field").value("name"))
        .andExpect(jsonPath("$.errors[1].message").value("Name is too long"))
        .andExpect(jsonPath("$.requestId").isNotEmpty());
  }

  @Test
  void whenJsonIsMalformed_thenBadRequestProblem() throws Exception {
    mvc.perform(
            post("/api/probe/things")
                .header("Authorization", "Bearer " + TestTokens.forRole("AGENT", tenant))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/bad-request"));
  }

  @Test
  void whenSomethingUnexpectedFails_thenGeneric500LeaksNothing() throws Exception {
    var result =
        mvc.perform(
                get("/api/probe/boom")
                    .header("Authorization", "Bearer " + TestTokens.forRole("AGENT", tenant))
                    .header("X-Request-Id", "req-123"))
            .andExpect(status().isInternalServerError())
            .andExpect(header().string("X-Request-Id", "req-123"))
            .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/internal"))
            .andExpect(jsonPath("$.requestId").value("req-123"))
            .andReturn();
    assertThat(result.getResponse().getContentAsString()).doesNotContain("secret internal detail");
  }

  @Test
  void whenNotFound_thenNotFoundProblem() throws Exception {
    mvc.perform(
            get("/api/probe/things/{id}", UUID.randomUUID())
                .header("Authorization", "Bearer " + TestTokens.forRole("AGENT", tenant)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/not-found"));
  }

  @Test
  void whenRequestIdIsUnsafe_thenANewOneIsIssued() throws Exception {
    mvc.perform(get("/api/probe/me").header("X-Request-Id", "bad id\r\nInjected: yes"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")));
  }

  @Test
  void healthIsPublic() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }
}
