package com.chosencrm.common.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens on the deny-list. Fails closed: if Redis cannot be asked, the token is not
 * accepted, because a logged-out or suspended caller must never get through.
 */
class TokenRevocationValidator implements OAuth2TokenValidator<Jwt> {

  private static final Logger log = LoggerFactory.getLogger(TokenRevocationValidator.class);

  private final TokenRevocations revocations;

  TokenRevocationValidator(TokenRevocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    try {
      if (revocations.isRejected(
          token.getId(),
          token.getClaimAsString(TokenClaims.TENANT),
          token.getSubject(),
          token.getIssuedAt())) {
        return OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "The token has been revoked", null));
      }
      return OAuth2TokenValidatorResult.success();
    } catch (RuntimeException e) {
      log.error("Token deny-list unavailable; rejecting token", e);
      return OAuth2TokenValidatorResult.failure(
          new OAuth2Error("invalid_token", "Token revocation status unavailable", null));
    }
  }
}
