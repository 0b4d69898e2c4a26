package com.chosencrm.common.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A service's verifier: the full verification (signature, claims, deny-list) the first time a token
 * is seen, then, while {@link VerifiedTokens} holds it, the deny-list alone.
 */
final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> denyList;
  private final VerifiedTokens verified;
  private final Clock clock;

  CachingJwtDecoder(
      JwtDecoder verifier,
      OAuth2TokenValidator<Jwt> denyList,
      VerifiedTokens verified,
      Clock clock) {
    this.verifier = verifier;
    this.denyList = denyList;
    this.verified = verified;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Jwt known = verified.get(token, now);
    if (known == null) {
      Jwt jwt = verifier.decode(token);
      verified.remember(token, jwt, now);
      return jwt;
    }
    OAuth2TokenValidatorResult result = denyList.validate(known);
    if (result.hasErrors()) {
      throw new JwtValidationException(
          result.getErrors().iterator().next().getDescription(), result.getErrors());
    }
    return known;
  }
}
