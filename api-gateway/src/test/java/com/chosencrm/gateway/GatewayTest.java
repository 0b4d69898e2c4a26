package com.chosencrm.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of real HTTP backends, with the JVM's real Redis and the
 * test JWKS (both from test-support), a built SPA in a temporary folder, and a 1 s response
 * timeout. Test classes extending it share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
      "chosencrm.gateway.allowed-origins=https://app.chosencrm.test"
    })
@ActiveProfiles("test")
abstract class GatewayTest {

  static final Path SPA = createSpa();

  @LocalServerPort int port;

  WebTestClient client;

  @DynamicPropertySource
  static void backends(DynamicPropertyRegistry registry) {
    for (String service : Backends.SERVICES) {
      registry.add(Backends.environmentName(service), () -> Backends.url(service));
    }
    registry.add("SPA_LOCATION", () -> SPA.toUri().toString());
  }

  @BeforeEach
  void connect() {
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(10))
            .build();
    Backends.forgetAll();
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  private static Path createSpa() {
    try {
      Path dist = Files.createTempDirectory("chosencrm-spa-");
      Files.writeString(
          dist.resolve("index.html"),
          "<!doctype html><title>ChosenCRM</title><div id=\"root\"></div>",
          StandardCharsets.UTF_8);
      Files.createDirectories(dist.resolve("assets"));
      Files.writeString(
          dist.resolve("assets/index-3f2a1b.js"), "console.log('spa')", StandardCharsets.UTF_8);
      Files.writeString(dist.resolve("favicon.svg"), "<svg/>", StandardCharsets.UTF_8);
      return dist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
