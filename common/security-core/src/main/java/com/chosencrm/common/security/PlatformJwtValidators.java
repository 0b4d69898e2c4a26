package com.chosencrm.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks every verifier on the platform applies after the RS256 signature: expiry and
 * not-before with skew, issuer, audience, the claims services rely on, then the deny-list. They run
 * in order and stop at the first failure, so a forged or expired token never costs a Redis call.
 * The deny-list check itself is passed in, since asking Redis is blocking in the services and
 * reactive at the gateway.
 */
public final class PlatformJwtValidators {

  private PlatformJwtValidators() {}

  /** The claim checks, then {@code denyList} for a token that passed them all. */
  public static OAuth2TokenValidator<Jwt> create(
      PlatformSecurityProperties properties, OAuth2TokenValidator<Jwt> denyList) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(claimValidators(properties));
    validators.add(denyList);
    return firstFailure(validators);
  }

  /**
   * The claim checks alone, for a verifier that consults the deny-list after decoding (the reactive
   * gateway).
   */
  public static OAuth2TokenValidator<Jwt> claims(PlatformSecurityProperties properties) {
    return firstFailure(claimValidators(properties));
  }

  private static List<OAuth2TokenValidator<Jwt>> claimValidators(
      PlatformSecurityProperties properties) {
    return List.of(
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
        new JwtTimestampValidator(properties.clockSkew()),
        new JwtIssuerValidator(properties.issuer()),
        new JwtClaimValidator<Object>(
            JwtClaimNames.AUD,
            aud ->
                aud instanceof Collection<?> values
                    ? values.contains(properties.audience())
                    : properties.audience().equals(aud)),
        new JwtClaimValidator<Object>(JwtClaimNames.SUB, PlatformJwtValidators::isUuid),
        new JwtClaimValidator<Object>(TokenClaims.TENANT, PlatformJwtValidators::isUuid),
        new JwtClaimValidator<Object>(JwtClaimNames.JTI, jti -> jti != null));
  }

  private static OAuth2TokenValidator<Jwt> firstFailure(
      List<OAuth2TokenValidator<Jwt>> validators) {
    return token -> {
      for (OAuth2TokenValidator<Jwt> validator : validators) {
        OAuth2TokenValidatorResult result = validator.validate(token);
        if (result.hasErrors()) {
          return result;
        }
      }
      return OAuth2TokenValidatorResult.success();
    };
  }

  private static boolean isUuid(Object value) {
    if (value == null) {
      return false;
    }
    try {
      java.util.UUID.fromString(value.toString());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
