package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Small buckets, so that a burst runs them dry: 5 per tenant, 3 per IP, 2 sign-ins per IP. */
@TestPropertySource(
    properties = {
      "chosencrm.gateway.rate-limits.tenant.capacity=5",
      "chosencrm.gateway.rate-limits.tenant.refill-per-second=1",
      "chosencrm.gateway.rate-limits.anonymous.capacity=3",
      "chosencrm.gateway.rate-limits.anonymous.refill-per-second=1",
      "chosencrm.gateway.rate-limits.sign-in.capacity=2",
      "chosencrm.gateway.rate-limits.sign-in.refill-per-second=0.5"
    })
class RateLimitTests extends GatewayTest {

  @Test
  void whenTenantBurstsPastItsBucket_thenTooManyRequestsWithRetryAfterUntilItRefills()
      throws InterruptedException {
    warmUp();
    UUID tenant = UUID.randomUUID();
    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<byte[]> rejected = null;
    for (int i = 0; i < 8; i++) {
      // Different users of one tenant share its bucket.
      EntityExchangeResult<byte[]> result =
          client
              .get()
              .uri("/api/leads")
              .header("Authorization", bearer(TestTokens.forRole("AGENT", tenant)))
              .exchange()
              .expectBody()
              .returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus().value() == 429 && rejected == null) {
        rejected = result;
      }
    }
    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses.subList(5, 8)).containsOnly(429);

    assertThat(rejected.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(rejected.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    String body = new String(rejected.getResponseBodyContent());
    assertThat(body)
        .contains("\"type\":\"https://chosencrm.dev/problems/too-many-requests\"")
        .contains("\"status\":429")
        .contains("\"requestId\":");

    // Another tenant is not affected.
    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(TestTokens.forRole("AGENT", UUID.randomUUID())))
        .exchange()
        .expectStatus()
        .isOk();

    Thread.sleep(1_100);
    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(TestTokens.forRole("AGENT", tenant)))
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** The first call fetches the JWKS; a slow burst would refill the bucket as it goes. */
  private void warmUp() {
    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(TestTokens.forRole("AGENT", UUID.randomUUID())))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void whenOneAddressKeepsTryingToSignIn_thenItIsLimitedMoreStrictly() {
    List<Integer> statuses = new ArrayList<>();
    String retryAfter = null;
    for (int i = 0; i < 3; i++) {
      var result =
          client
              .post()
              .uri("/api/auth/login")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"email\":\"a@b.c\",\"password\":\"guess" + i + "\"}")
              .exchange()
              .expectBody()
              .returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus().value() == 429) {
        retryAfter = result.getResponseHeaders().getFirst("Retry-After");
      }
    }
    assertThat(statuses).containsExactly(200, 200, 429);
    // One token comes back every 2 s.
    assertThat(retryAfter).isEqualTo("2");
  }
}
