package com.chosencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.testsupport.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A tenant whose bucket refills by 1,000 a second: the instance takes 100 tokens at a time (a tenth
 * of a second of refill) and serves the next calls from them without asking Redis (ADR 0009).
 */
@TestPropertySource(
    properties = {
      "chosencrm.gateway.rate-limits.tenant.capacity=2000",
      "chosencrm.gateway.rate-limits.tenant.refill-per-second=1000"
    })
class LeaseTests extends GatewayTest {

  @Autowired StringRedisTemplate redis;

  @Test
  void whenATenantCallsAgain_thenItsTokensComeFromTheLeaseNotFromRedis() {
    UUID tenant = UUID.randomUUID();
    String token = TestTokens.forRole("AGENT", tenant);
    for (int i = 0; i < 30; i++) {
      client
          .get()
          .uri("/api/leads")
          .header("Authorization", "Bearer " + token)
          .exchange()
          .expectStatus()
          .isOk();
    }
    // One take of 100 tokens from a full bucket of 2,000 (refilling meanwhile, up to its
    // capacity), not 30 takes of one.
    double left =
        Double.parseDouble(
            (String) redis.opsForHash().get("chosencrm:rate-limit:tenant:" + tenant, "tokens"));
    assertThat(left).isEqualTo(1900.0);
  }
}
