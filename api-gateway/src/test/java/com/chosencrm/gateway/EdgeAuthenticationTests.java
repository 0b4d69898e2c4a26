package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.common.security.DenyList;
import com.chosencrm.testsupport.tokens.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The deny-list is asked again for a token it cleared after 300 ms (1 s in production). */
@TestPropertySource(properties = "chosencrm.gateway.admission.deny-list-recheck=300ms")
class EdgeAuthenticationTests extends GatewayTest {

  @Autowired StringRedisTemplate redis;

  final UUID tenant = UUID.randomUUID();
  final UUID user = UUID.randomUUID();

  @Test
  void whenTokenIsValid_thenRequestReachesTheService() {
    callLeads(TestTokens.user(user, tenant).sign()).expectStatus().isOk();
    assertThat(Backends.of("lead-service").last()).isNotNull();
  }

  @Test
  void whenTokenIsMissing_thenUnauthorizedProblemAndTheServiceIsNotCalled() {
    client
        .get()
        .uri("/api/leads")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("X-Request-Id")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://chosencrm.dev/problems/unauthorized")
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.requestId")
        .isNotEmpty();
    assertThat(Backends.of("lead-service").last()).isNull();
  }

  @Test
  void whenTokenIsForgedExpiredOrForSomeoneElse_thenUnauthorizedAndTheServiceIsNotCalled() {
    // alg none, HS256 with the public key, expired, not yet valid, wrong issuer, wrong audience,
    // unknown kid, tampered payload, garbage.
    TestTokens.user(user, tenant)
        .roles("ADMIN")
        .brokenVariants()
        .forEach(
            (name, broken) -> {
              callLeads(broken)
                  .expectStatus()
                  .value(status -> assertThat(status).as(name).isEqualTo(401))
                  .expectBody()
                  .jsonPath("$.type")
                  .isEqualTo("https://chosencrm.dev/problems/unauthorized");
              assertThat(Backends.of("lead-service").last()).as(name).isNull();
            });
  }

  @Test
  void whenTokenIsRevoked_thenUnauthorizedAtTheEdgeWithinTheRecheckTime()
      throws InterruptedException {
    String jti = UUID.randomUUID().toString();
    String token = TestTokens.user(user, tenant).tokenId(jti).sign();
    callLeads(token).expectStatus().isOk();

    redis.opsForValue().set(DenyList.revokedTokenKey(jti), "1", Duration.ofMinutes(16));
    Thread.sleep(350);

    callLeads(token).expectStatus().isUnauthorized();
    // Refusals are not remembered: every call asks again.
    callLeads(token).expectStatus().isUnauthorized();
  }

  @Test
  void whenRevokedTokenWasNeverSeen_thenUnauthorizedAtOnce() {
    String jti = UUID.randomUUID().toString();
    redis.opsForValue().set(DenyList.revokedTokenKey(jti), "1", Duration.ofMinutes(16));

    callLeads(TestTokens.user(user, tenant).tokenId(jti).sign()).expectStatus().isUnauthorized();
  }

  @Test
  void whenTenantIsSuspended_thenItsTokensStopWorkingUntilReactivated() {
    String token = TestTokens.user(user, tenant).sign();
    redis.opsForValue().set(DenyList.suspendedTenantKey(tenant), "1");

    callLeads(token).expectStatus().isUnauthorized();

    redis.delete(DenyList.suspendedTenantKey(tenant));
    callLeads(token).expectStatus().isOk();
  }

  @Test
  void whenUsersTokensAreCutOff_thenOlderTokensFailAndNewerOnesWork() {
    String old = TestTokens.user(user, tenant).issuedAt(Instant.now().minusSeconds(30)).sign();
    redis
        .opsForValue()
        .set(
            DenyList.userCutoffKey(user),
            String.valueOf(Instant.now().minusSeconds(5).getEpochSecond()),
            Duration.ofMinutes(5));

    callLeads(old).expectStatus().isUnauthorized();
    callLeads(TestTokens.user(user, tenant).sign()).expectStatus().isOk();
  }

  @Test
  void whenAgentCallsActuatorBeyondHealth_thenForbiddenButHealthIsPublic() {
    client
        .get()
        .uri("/actuator/prometheus")
        .header("Authorization", bearer(TestTokens.forRole("AGENT", tenant)))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://chosencrm.dev/problems/forbidden");
    client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
  }

  private WebTestClient.ResponseSpec callLeads(String token) {
    Backends.forgetAll();
    return client.get().uri("/api/leads").header("Authorization", bearer(token)).exchange();
  }
}
