package com.chosencrm.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTests {

  private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

  private static Jwt expiringAt(Instant exp) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("s")
        .issuedAt(exp.minusSeconds(900))
        .expiresAt(exp)
        .build();
  }

  @Test
  void aTokenIsServedUntilItExpiresAndNotAMomentLonger() {
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5));
    Jwt jwt = expiringAt(now.plusSeconds(60));
    tokens.remember("a.b.c", jwt, now);
    assertThat(tokens.get("a.b.c", now.plusSeconds(59))).isSameAs(jwt);
    assertThat(tokens.get("a.b.c", now.plusSeconds(60))).isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void noTokenIsServedLongerThanTheMaximumAgeEvenIfItLivesLonger() {
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5));
    tokens.remember("a.b.c", expiringAt(now.plusSeconds(3600)), now);
    assertThat(tokens.get("a.b.c", now.plusSeconds(299))).isNotNull();
    assertThat(tokens.get("a.b.c", now.plusSeconds(300))).isNull();
  }

  @Test
  void anyOtherStringIsAMissEvenIfItDiffersInOneByte() {
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5));
    tokens.remember("a.b.c", expiringAt(now.plusSeconds(60)), now);
    assertThat(tokens.get("a.b.d", now)).isNull();
    assertThat(tokens.get("a.b.c ", now)).isNull();
  }

  @Test
  void staysWithinItsBoundAndKeepsNothingWhenDisabled() {
    VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofMinutes(5));
    for (int i = 0; i < 10; i++) {
      tokens.remember("t" + i, expiringAt(now.plusSeconds(60)), now);
      assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
    assertThat(tokens.get("t9", now)).isNotNull();
    VerifiedTokens off = new VerifiedTokens(0, Duration.ofMinutes(5));
    off.remember("a.b.c", expiringAt(now.plusSeconds(60)), now);
    assertThat(off.get("a.b.c", now)).isNull();
  }
}
