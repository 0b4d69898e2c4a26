package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A dead or slow service costs its own routes, within the timeout, and nothing else. */
class ResilienceTests extends GatewayTest {

  final String token = TestTokens.forRole("AGENT", UUID.randomUUID());

  /** The first call of a JVM also loads classes and fetches the JWKS: not what is timed here. */
  @BeforeEach
  void warmUp() {
    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void whenServiceIsDown_thenServiceUnavailableProblemFastAndOtherRoutesStillAnswer() {
    long started = System.nanoTime();
    client
        .get()
        .uri("/api/calls/recent")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://chosencrm.dev/problems/service-unavailable")
        .jsonPath("$.requestId")
        .isNotEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void whenServiceIsSlow_thenGatewayTimeoutProblemWithinTheResponseTimeout() {
    coachingAnswers();
    long started = System.nanoTime();
    client
        .get()
        .uri("/api/coaching/slow")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://chosencrm.dev/problems/gateway-timeout")
        .jsonPath("$.requestId")
        .isNotEmpty();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // The test gateway's response timeout is 1 s; the backend would take 4 s.
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(took).isLessThan(Duration.ofMillis(2_500));

    coachingAnswers();
  }

  private void coachingAnswers() {
    client
        .get()
        .uri("/api/coaching/scoreboard")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
