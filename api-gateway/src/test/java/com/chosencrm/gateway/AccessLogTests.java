package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests extends GatewayTest {

  @Test
  void eachRequestLogsOneLineWithRouteStatusAndCallerButNoQueryOrToken(CapturedOutput output) {
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    String token = TestTokens.user(user, tenant).sign();

    String requestId =
        client
            .get()
            .uri("/api/leads/7?email=ada@example.com&password=hunter2")
            .header("Authorization", bearer(token))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    String line =
        output
            .getOut()
            .lines()
            .filter(l -> l.contains("chosencrm.gateway.access") && l.contains(requestId))
            .reduce((first, second) -> first + "\n" + second)
            .orElseThrow();
    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .contains("GET /api/leads/7 200 " + requestId)
        .contains("route=lead-service")
        .contains("tenant=" + tenant)
        .contains("user=" + user)
        .doesNotContain("hunter2")
        .doesNotContain("ada@example.com")
        .doesNotContain(token.substring(0, 20));
  }

  @Test
  void rejectedRequestsAreLoggedWithTheirStatus(CapturedOutput output) {
    String requestId =
        client
            .get()
            .uri("/api/leads")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(output.getOut())
        .containsPattern("chosencrm\\.gateway\\.access.*GET /api/leads 401 " + requestId);
  }
}
