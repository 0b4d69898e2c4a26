package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What a browser sees: the SPA with history fallback, CORS for the SPA origin, safe headers. */
class BrowserEdgeTests extends GatewayTest {

  static final String SPA_ORIGIN = "https://app.chosencrm.test";

  @Test
  void whenBrowserOpensAClientRoute_thenIndexHtmlIsServed() {
    for (String route : new String[] {"/", "/leads", "/leads/42/history"}) {
      client
          .get()
          .uri(route)
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectHeader()
          .valueEquals("Cache-Control", "no-cache")
          .expectBody(String.class)
          .value(body -> assertThat(body).as(route).contains("<div id=\"root\">"));
    }
  }

  @Test
  void whenBrowserFetchesBuiltFiles_thenTheyAreServedAndHashedAssetsCachedForAYear() {
    client
        .get()
        .uri("/assets/index-3f2a1b.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value(
            "Cache-Control", value -> assertThat(value).contains("max-age=31536000", "immutable"))
        .expectBody(String.class)
        .isEqualTo("console.log('spa')");
    client.get().uri("/favicon.svg").exchange().expectStatus().isOk();
  }

  @Test
  void whenAFileIsMissing_thenNotFoundRatherThanThePage() {
    client
        .get()
        .uri("/assets/missing-123.js")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void whenSpaOriginSendsAPreflight_thenItIsAllowedWithoutAToken() {
    client
        .options()
        .uri("/api/leads")
        .header("Origin", SPA_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-request-id")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Access-Control-Allow-Origin", SPA_ORIGIN)
        .expectHeader()
        .value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("POST"))
        .expectHeader()
        .value(
            "Access-Control-Allow-Headers",
            headers -> assertThat(headers.toLowerCase()).contains("authorization"));
  }

  @Test
  void whenAnotherOriginSendsAPreflight_thenItIsRefused() {
    client
        .options()
        .uri("/api/leads")
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "DELETE")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist("Access-Control-Allow-Origin");
  }

  @Test
  void whenSpaCallsTheApi_thenTheResponseCarriesCorsHeadersOnce() {
    var result =
        client
            .get()
            .uri("/api/leads")
            .header("Origin", SPA_ORIGIN)
            .header("Authorization", bearer(TestTokens.forRole("AGENT", UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class);
    assertThat(result.getResponseHeaders().get("Access-Control-Allow-Origin"))
        .containsExactly(SPA_ORIGIN);
    assertThat(result.getResponseHeaders().getAccessControlExposeHeaders())
        .contains("X-Request-Id", "Retry-After");
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (String path : new String[] {"/", "/api/leads"}) {
      client
          .get()
          .uri(path)
          .exchange()
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader()
          .valueEquals("X-Frame-Options", "DENY")
          .expectHeader()
          .valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
          .expectHeader()
          .value(
              "Content-Security-Policy",
              csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"))
          // Plain http here: HSTS is only sent over https.
          .expectHeader()
          .doesNotExist("Strict-Transport-Security");
    }
  }
}
