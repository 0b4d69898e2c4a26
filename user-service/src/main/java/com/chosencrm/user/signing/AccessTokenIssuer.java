package com.chosencrm.user.signing;

import com.chosencrm.common.security.PlatformSecurityProperties;
import com.chosencrm.common.security.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Mints the platform's RS256 access tokens (claims of ADR 0001). */
@Service
public class AccessTokenIssuer {

  private final SigningKeys keys;
  private final SigningProperties properties;
  private final PlatformSecurityProperties security;

  AccessTokenIssuer(
      SigningKeys keys, SigningProperties properties, PlatformSecurityProperties security) {
    this.keys = keys;
    this.properties = properties;
    this.security = security;
  }

  /** A signed token and what a caller needs to know about it. */
  public record IssuedAccessToken(String token, String tokenId, Instant expiresAt) {
    // A bearer token in a log line is a usable credential.
    @Override
    public String toString() {
      return "IssuedAccessToken[tokenId=" + tokenId + ", expiresAt=" + expiresAt + "]";
    }
  }

  public IssuedAccessToken issue(UUID userId, UUID tenantId, Set<String> roles, UUID teamId) {
    RSAKey key = keys.activeKey();
    Instant now = Instant.now();
    Instant expiresAt = now.plus(properties.accessTokenTtl());
    String tokenId = UUID.randomUUID().toString();
    try {
      var builder =
          Jwts.builder()
              .header()
              .keyId(key.getKeyID())
              .type("JWT")
              .and()
              .issuer(security.issuer())
              .audience()
              .add(security.audience())
              .and()
              .subject(userId.toString())
              .issuedAt(Date.from(now))
              .notBefore(Date.from(now))
              .expiration(Date.from(expiresAt))
              .id(tokenId)
              .claim(TokenClaims.TENANT, tenantId.toString())
              .claim(TokenClaims.ROLES, List.copyOf(roles));
      if (teamId != null) {
        builder.claim(TokenClaims.TEAM, teamId.toString());
      }
      String token = builder.signWith(key.toRSAPrivateKey(), Jwts.SIG.RS256).compact();
      return new IssuedAccessToken(token, tokenId, expiresAt);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing key unusable", e);
    }
  }
}
