package com.chosencrm.gateway;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One client on keep-alive connections, request after request, with answers decided off the
 * connection's event loop: proxied ones (the backend's loop) and a 401 for a token whose key is
 * unknown (the JWKS client's loop, which is then asked for the key). On Reactor Netty 1.3.6 such an
 * answer could leave the connection no longer read, and the next request on it waited until the
 * client gave up; within 150 rounds it always did (see AnswersOnTheRequestLoop).
 */
class KeepAliveTests extends GatewayTest {

  @Test
  void whenAnswersAreDecidedOffTheConnectionsLoop_thenTheNextRequestIsStillAnswered() {
    WebTestClient impatient = client.mutate().responseTimeout(Duration.ofSeconds(3)).build();
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    Map<String, String> broken = TestTokens.user(user, tenant).brokenVariants();
    for (int round = 0; round < 150; round++) {
      impatient
          .get()
          .uri("/api/leads")
          .header("Authorization", bearer(TestTokens.user(user, tenant).sign()))
          .exchange()
          .expectStatus()
          .isOk();
      broken.forEach(
          (name, token) ->
              impatient
                  .get()
                  .uri("/api/leads")
                  .header("Authorization", bearer(token))
                  .exchange()
                  .expectStatus()
                  .isUnauthorized());
    }
  }
}
