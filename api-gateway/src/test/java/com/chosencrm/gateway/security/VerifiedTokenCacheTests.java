package com.chosencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokenCacheTests {

  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  /** A verifier that accepts tokens named {@code ok-*} expiring at {@link #expiresAt}. */
  static class CountingVerifier implements ReactiveJwtDecoder {
    final AtomicInteger calls = new AtomicInteger();
    Instant expiresAt = START.plus(Duration.ofMinutes(15));
    boolean refuseAll;

    @Override
    public Mono<Jwt> decode(String token) {
      calls.incrementAndGet();
      if (refuseAll || !token.startsWith("ok-")) {
        return Mono.error(new BadJwtException("refused"));
      }
      return Mono.just(
          Jwt.withTokenValue(token)
              .header("alg", "RS256")
              .subject("user")
              .issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
              .expiresAt(expiresAt)
              .build());
    }
  }

  static class MovableClock extends Clock {
    Instant now = START;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final CountingVerifier verifier = new CountingVerifier();
  final MovableClock clock = new MovableClock();
  final VerifiedTokenCache cache =
      new VerifiedTokenCache(verifier, 100, Duration.ofMinutes(5), clock);

  @Test
  void whenSameTokenComesAgain_thenItIsVerifiedOnce() {
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    assertThat(verifier.calls).hasValue(1);

    StepVerifier.create(cache.decode("ok-b")).expectNextCount(1).verifyComplete();
    assertThat(verifier.calls).hasValue(2);
  }

  @Test
  void whenVerificationFails_thenNothingIsRememberedAndTheNextTryIsVerifiedAgain() {
    StepVerifier.create(cache.decode("forged")).expectError(BadJwtException.class).verify();
    StepVerifier.create(cache.decode("forged")).expectError(BadJwtException.class).verify();
    assertThat(verifier.calls).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void whenCachedTokenReachesItsExpiry_thenTheVerifierDecidesAgain() {
    verifier.expiresAt = START.plus(Duration.ofMinutes(2));
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();

    clock.now = START.plus(Duration.ofMinutes(2)).minusMillis(1);
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    assertThat(verifier.calls).hasValue(1);

    // At exp the cache no longer answers, and the verifier now refuses the token.
    clock.now = START.plus(Duration.ofMinutes(2));
    verifier.refuseAll = true;
    StepVerifier.create(cache.decode("ok-a")).expectError(BadJwtException.class).verify();
    assertThat(verifier.calls).hasValue(2);
  }

  @Test
  void whenTokenLivesLongerThanMaxAge_thenItIsVerifiedAgainAfterMaxAge() {
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    clock.now = START.plus(Duration.ofMinutes(5));
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    assertThat(verifier.calls).hasValue(2);
  }

  @Test
  void whenAlreadyExpiredTokenIsAccepted_thenItIsNotRemembered() {
    // The verifier allows clock skew past exp; the cache never serves beyond exp.
    verifier.expiresAt = START.minusSeconds(30);
    StepVerifier.create(cache.decode("ok-a")).expectNextCount(1).verifyComplete();
    assertThat(cache.size()).isZero();
  }

  @Test
  void whenMoreTokensArriveThanFit_thenTheCacheStaysBounded() {
    VerifiedTokenCache small = new VerifiedTokenCache(verifier, 10, Duration.ofMinutes(5), clock);
    for (int i = 0; i < 25; i++) {
      StepVerifier.create(small.decode("ok-" + i)).expectNextCount(1).verifyComplete();
      assertThat(small.size()).isLessThanOrEqualTo(10);
    }
  }
}
