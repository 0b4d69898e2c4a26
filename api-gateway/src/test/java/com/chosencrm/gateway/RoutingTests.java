package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingTests extends GatewayTest {

  static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  final UUID tenant = UUID.randomUUID();
  final String token = TestTokens.user(UUID.randomUUID(), tenant).roles("AGENT").sign();

  // One path of every area of seed 001, and the service that owns it.
  static final Map<String, String> OWNERS =
      Map.ofEntries(
          Map.entry("/api/auth/me", "user-service"),
          Map.entry("/api/users/42", "user-service"),
          Map.entry("/api/teams", "user-service"),
          Map.entry("/api/settings/feature-flags", "user-service"),
          Map.entry("/api/platform/tenants", "user-service"),
          Map.entry("/api/hr/time-entries", "hr-service"),
          Map.entry("/api/leads/7/history", "lead-service"),
          Map.entry("/api/campaigns", "campaign-service"),
          Map.entry("/api/integrations/connections", "integration-service"),
          Map.entry("/api/billing/invoices", "billing-service"),
          Map.entry("/api/notifications", "notification-service"),
          Map.entry("/api/reports/dashboards", "reporting-service"),
          Map.entry("/api/lenders/products", "lender-service"),
          Map.entry("/api/coaching/scoreboard", "coaching-service"),
          Map.entry("/api/applications/9/export", "application-service"));

  @Test
  void whenPathBelongsToAnArea_thenTheOwningServiceGetsItUnchanged() {
    OWNERS.forEach(
        (path, service) -> {
          client
              .get()
              .uri(path + "?page=2")
              .header("Authorization", bearer(token))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody()
              .jsonPath("$.service")
              .isEqualTo(service);
          Backends.Received received = Backends.of(service).last();
          assertThat(received.path()).as(path).isEqualTo(path);
          assertThat(received.query()).isEqualTo("page=2");
        });
  }

  @Test
  void whenForwarding_thenAuthorizationPassesAndForgedIdentityHeadersAreDropped() {
    client
        .post()
        .uri("/api/leads")
        .header("Authorization", bearer(token))
        .header("X-User-Id", UUID.randomUUID().toString())
        .header("X-Tenant-Id", UUID.randomUUID().toString())
        .header("X-User-Roles", "PLATFORM_ADMIN")
        .header("X-Forwarded-User", "admin")
        .header("x-tenant-slug", "other")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"Ada\"}")
        .exchange()
        .expectStatus()
        .isOk();

    Backends.Received received = Backends.of("lead-service").last();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.header("Authorization")).isEqualTo(bearer(token));
    assertThat(received.headers().keySet())
        .noneMatch(name -> name.toLowerCase().startsWith("x-user"))
        .noneMatch(name -> name.toLowerCase().startsWith("x-tenant"))
        .noneMatch(name -> name.equalsIgnoreCase("X-Forwarded-User"));
  }

  @Test
  void whenClientSendsRequestIdAndTraceparent_thenServiceGetsThemAndClientGetsTheIdBack() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    client
        .get()
        .uri("/api/hr/attendance")
        .header("Authorization", bearer(token))
        .header("X-Request-Id", "client-req-123")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .header("tracestate", "vendor=abc")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", "client-req-123");

    Backends.Received received = Backends.of("hr-service").last();
    assertThat(received.header("X-Request-Id")).isEqualTo("client-req-123");
    String traceparent = received.header("traceparent");
    assertThat(traceparent).matches(TRACEPARENT).startsWith("00-" + traceId + "-").endsWith("-01");
    // The gateway is a hop of its own: the service's parent is the gateway's span.
    assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
    assertThat(received.header("tracestate")).isEqualTo("vendor=abc");
  }

  @Test
  void whenClientSendsNoOrUnsafeRequestIdOrBrokenTraceparent_thenGatewayCreatesThem() {
    var response =
        client
            .get()
            .uri("/api/hr/attendance")
            .header("Authorization", bearer(token))
            .header("X-Request-Id", "evil\tinjected value that is not safe to log")
            .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class);

    String requestId = response.getResponseHeaders().getFirst("X-Request-Id");
    assertThat(requestId).matches("[0-9a-f-]{36}");
    assertThat(response.getResponseHeaders().get("X-Request-Id")).hasSize(1);
    Backends.Received received = Backends.of("hr-service").last();
    assertThat(received.header("X-Request-Id")).isEqualTo(requestId);
    assertThat(received.header("traceparent"))
        .matches(TRACEPARENT)
        .doesNotStartWith("00-00000000000000000000000000000000");
  }

  @Test
  void whenNoRouteMatchesUnderApi_thenNotFoundProblemNotTheSpa() {
    client
        .get()
        .uri("/api/nothing-here/1")
        .header("Authorization", bearer(token))
        .header("Accept", "text/html")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://chosencrm.dev/problems/not-found")
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.requestId")
        .isNotEmpty();
  }

  @Test
  void whenSigningInWithAStaleToken_thenTheCallIsPublicAndTheTokenIgnored() {
    client
        .post()
        .uri("/api/auth/login")
        .header("Authorization", bearer("expired.or.garbage"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"a@b.c\",\"password\":\"secret\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("user-service");
  }

  @Test
  void whenFetchingJwksOrAWebhook_thenNoTokenIsNeeded() {
    client
        .get()
        .uri("/.well-known/jwks.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("user-service");
    client
        .post()
        .uri("/api/billing/webhooks/stripe")
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("billing-service");
  }

  @Test
  void whenSwaggerUiAsksForAServicesApiDocs_thenTheServicesDocumentIsServed() {
    client
        .get()
        .uri("/v3/api-docs/lead-service")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.info.title")
        .isEqualTo("lead-service");
    assertThat(Backends.of("lead-service").last().path()).isEqualTo("/v3/api-docs");
  }

  @Test
  void swaggerUiListsEveryServicesApiDocs() {
    var config =
        client
            .get()
            .uri("/v3/api-docs/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    for (String service : Backends.SERVICES) {
      assertThat(config).contains("/v3/api-docs/" + service);
    }
    client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
  }
}
