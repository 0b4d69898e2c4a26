package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A dead or slow service costs its own routes, within the timeout, and nothing else. */
class ResilienceTests extends GatewayTest {

  final String token = TestTokens.forRole("AGENT", UUID.randomUUID());

  @Autowired CircuitBreakerRegistry breakers;

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
  void whenServiceKeepsFailing_thenItsBreakerOpensAndAnswersStayServiceUnavailableProblems() {
    // The breaker opens at 50% failures over at least 10 calls; later calls are not even tried.
    for (int i = 0; i < 15; i++) {
      client
          .get()
          .uri("/api/calls/" + i)
          .header("Authorization", bearer(token))
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("https://chosencrm.dev/problems/service-unavailable");
    }
    assertThat(breakers.circuitBreaker(Backends.DEAD_SERVICE).getState())
        .isEqualTo(CircuitBreaker.State.OPEN);

    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void whenManyCallsToOneRouteAreInFlight_thenNoneIsTurnedAway() {
    // More concurrent calls than Resilience4j's default bulkhead (25) would admit. The JDK client
    // opens a connection per call; WebTestClient's pool would queue them below the limit.
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hr/half-second"))
            .header("Authorization", bearer(token))
            .build();
    List<Integer> statuses =
        IntStream.range(0, 40)
            .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
            .toList()
            .stream()
            .map(call -> call.join().statusCode())
            .toList();
    // On a loaded machine some may still pass the 1 s test timeout (504); none may be refused.
    assertThat(statuses).hasSize(40).contains(200).doesNotContain(500, 503);
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
