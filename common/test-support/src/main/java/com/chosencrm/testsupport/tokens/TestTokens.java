package com.chosencrm.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints access tokens shaped exactly like user-service's, signed with the test key, and the broken
 * tokens of the JWT negative suite.
 *
 * <pre>{@code
 * String token = TestTokens.user(userId, tenantId).roles("ADMIN").sign();
 * }</pre>
 */
public final class TestTokens {

  public static final String ISSUER = "chosencrm";
  public static final String AUDIENCE = "chosencrm-api";

  private final UUID userId;
  private final UUID tenantId;
  private List<String> roles = List.of("AGENT");
  private UUID teamId;
  private String issuer = ISSUER;
  private String audience = AUDIENCE;
  private Instant issuedAt = Instant.now();
  private Instant notBefore;
  private Duration lifetime = Duration.ofMinutes(15);
  private String tokenId = UUID.randomUUID().toString();

  private TestTokens(UUID userId, UUID tenantId) {
    this.userId = userId;
    this.tenantId = tenantId;
  }

  public static TestTokens user(UUID userId, UUID tenantId) {
    return new TestTokens(userId, tenantId);
  }

  /** A token for a fresh user id of the given role in the tenant. */
  public static String forRole(String role, UUID tenantId) {
    return user(UUID.randomUUID(), tenantId).roles(role).sign();
  }

  public TestTokens roles(String... roles) {
    this.roles = List.of(roles);
    return this;
  }

  public TestTokens team(UUID teamId) {
    this.teamId = teamId;
    return this;
  }

  public TestTokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public TestTokens audience(String audience) {
    this.audience = audience;
    return this;
  }

  public TestTokens issuedAt(Instant issuedAt) {
    this.issuedAt = issuedAt;
    return this;
  }

  public TestTokens notBefore(Instant notBefore) {
    this.notBefore = notBefore;
    return this;
  }

  public TestTokens lifetime(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  public TestTokens tokenId(String tokenId) {
    this.tokenId = tokenId;
    return this;
  }

  public JWTClaimsSet claims() {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(userId.toString())
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
            .jwtID(tokenId)
            .claim("tid", tenantId.toString())
            .claim("roles", roles);
    if (teamId != null) {
      claims.claim("team", teamId.toString());
    }
    if (notBefore != null) {
      claims.notBeforeTime(Date.from(notBefore));
    }
    return claims.build();
  }

  /** Signed RS256 with the published test key. */
  public String sign() {
    return signWith(TestJwks.key());
  }

  public String signWith(RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The forged and invalid variants of a valid token for the same user: every one must be answered
   * with 401 by every protected endpoint. The key is the case's name, for test reports.
   *
   * @param publishedKey the public key a verifier trusts (for the HS256 key-confusion attack)
   */
  public Map<String, String> brokenVariants(RSAKey publishedKey) {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("alg none", new PlainJWT(claims()).serialize());
    tokens.put("HS256 signed with the public key", hs256WithPublicKey(publishedKey));
    tokens.put(
        "expired",
        copy()
            .issuedAt(Instant.now().minus(Duration.ofHours(1)))
            .lifetime(Duration.ofMinutes(15))
            .sign());
    tokens.put(
        "not yet valid", copy().notBefore(Instant.now().plus(Duration.ofMinutes(10))).sign());
    tokens.put("wrong issuer", copy().issuer("someone-else").sign());
    tokens.put("wrong audience", copy().audience("another-api").sign());
    tokens.put("unknown kid", copy().signWith(TestJwks.unpublishedKey()));
    tokens.put("tampered payload", tampered());
    tokens.put("garbage", "not-a-jwt");
    return tokens;
  }

  /** Broken variants against the test key published by {@link TestJwks}. */
  public Map<String, String> brokenVariants() {
    return brokenVariants(TestJwks.key());
  }

  private String hs256WithPublicKey(RSAKey publishedKey) {
    try {
      byte[] secret = publishedKey.toRSAPublicKey().getEncoded();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publishedKey.getKeyID()).build(),
              claims());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid signature over a payload that then had its roles raised to ADMIN. */
  private String tampered() {
    String[] parts = sign().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\",\"PLATFORM_ADMIN\"]");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forged + "." + parts[2];
  }

  private TestTokens copy() {
    TestTokens copy = new TestTokens(userId, tenantId);
    copy.roles = roles;
    copy.teamId = teamId;
    copy.issuer = issuer;
    copy.audience = audience;
    copy.issuedAt = issuedAt;
    copy.notBefore = notBefore;
    copy.lifetime = lifetime;
    return copy;
  }
}
