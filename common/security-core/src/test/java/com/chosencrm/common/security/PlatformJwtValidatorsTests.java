package com.chosencrm.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class PlatformJwtValidatorsTests {

  final PlatformSecurityProperties properties =
      new PlatformSecurityProperties(
          "chosencrm", "chosencrm-api", "http://unused", Duration.ofSeconds(60), List.of());
  final AtomicInteger denyListCalls = new AtomicInteger();
  final OAuth2TokenValidator<Jwt> denyList =
      token -> {
        denyListCalls.incrementAndGet();
        return "revoked".equals(token.getId())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"))
            : OAuth2TokenValidatorResult.success();
      };
  final OAuth2TokenValidator<Jwt> validator = PlatformJwtValidators.create(properties, denyList);

  @Test
  void whenEveryClaimHolds_thenDenyListDecides() {
    assertThat(validator.validate(token(b -> b)).hasErrors()).isFalse();
    assertThat(validator.validate(token(b -> b.jti("revoked"))).hasErrors()).isTrue();
    assertThat(denyListCalls).hasValue(2);
  }

  @Test
  void whenAClaimFails_thenTokenIsRejectedBeforeTheDenyListIsAsked() {
    List<UnaryOperator<Jwt.Builder>> broken =
        List.of(
            b -> b.claims(c -> c.remove("exp")),
            b -> b.expiresAt(Instant.now().minus(Duration.ofMinutes(5))),
            b -> b.notBefore(Instant.now().plus(Duration.ofMinutes(5))),
            b -> b.issuer("someone-else"),
            b -> b.audience(List.of("another-api")),
            b -> b.subject("not-a-uuid"),
            b -> b.claim(TokenClaims.TENANT, "not-a-uuid"),
            b -> b.claims(c -> c.remove("jti")));
    for (UnaryOperator<Jwt.Builder> breaking : broken) {
      assertThat(validator.validate(token(breaking)).hasErrors()).isTrue();
    }
    assertThat(denyListCalls).hasValue(0);
  }

  @Test
  void whenClockSkewCoversIt_thenJustExpiredTokenPasses() {
    Jwt token = token(b -> b.expiresAt(Instant.now().minusSeconds(30)));
    assertThat(PlatformJwtValidators.claims(properties).validate(token).hasErrors()).isFalse();
  }

  private static Jwt token(UnaryOperator<Jwt.Builder> change) {
    Instant now = Instant.now();
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject(UUID.randomUUID().toString())
            .claim(TokenClaims.TENANT, UUID.randomUUID().toString())
            .issuer("chosencrm")
            .audience(List.of("chosencrm-api"))
            .issuedAt(now.minus(Duration.ofMinutes(20)))
            .expiresAt(now.plus(Duration.ofMinutes(15)))
            .jti(UUID.randomUUID().toString());
    return change.apply(builder).build();
  }
}
