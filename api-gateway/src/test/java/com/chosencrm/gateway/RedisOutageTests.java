package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.MediaType;

/**
 * Redis unreachable (nothing listens on its port): authentication fails closed, because a revoked
 * token must never pass, while rate limiting fails open, so sign-in and other public calls work.
 */
class RedisOutageTests extends GatewayTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class DeadRedis {
    @Bean
    LettuceConnectionFactory redisConnectionFactory() throws IOException {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      return new LettuceConnectionFactory(
          new RedisStandaloneConfiguration("127.0.0.1", port),
          LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    }
  }

  @Autowired MeterRegistry meters;

  @Test
  void whenRedisIsDown_thenValidTokensAreRefused() {
    client
        .get()
        .uri("/api/leads")
        .header("Authorization", bearer(TestTokens.forRole("ADMIN", UUID.randomUUID())))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Backends.of("lead-service").last()).isNull();
  }

  @Test
  void whenRedisIsDown_thenPublicCallsPassUnlimitedAndTheOutageIsCounted() {
    double before = unavailableCount();
    for (int i = 0; i < 3; i++) {
      client
          .post()
          .uri("/api/auth/login")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isOk();
    }
    assertThat(unavailableCount() - before).isEqualTo(3);
  }

  private double unavailableCount() {
    var counter = meters.find("gateway.ratelimit.unavailable").counter();
    return counter == null ? 0 : counter.count();
  }
}
