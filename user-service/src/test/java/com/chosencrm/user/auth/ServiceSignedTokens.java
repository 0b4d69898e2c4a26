package com.chosencrm.user.auth;

import com.chosencrm.testsupport.tokens.TestJwks;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JWT negative suite for user-service itself. {@link TestTokens#brokenVariants} signs its
 * expired, not-yet-valid, wrong-issuer, wrong-audience and tampered tokens with the test key, which
 * user-service does not trust: they would be refused for their signature and prove nothing about
 * the claim checks. Here those are signed with the service's own active key, so each variant is
 * refused for exactly the one thing wrong with it.
 */
final class ServiceSignedTokens {

  private ServiceSignedTokens() {}

  static TestTokens validShape(UUID userId, UUID tenantId, String... roles) {
    return TestTokens.user(userId, tenantId).roles(roles);
  }

  /**
   * @param signingKey the service's active private key
   * @param publishedKey the same key as fetched from the service's JWKS
   */
  static Map<String, String> brokenVariants(
      UUID userId, UUID tenantId, List<String> roles, RSAKey signingKey, RSAKey publishedKey) {
    String[] roleArray = roles.toArray(String[]::new);
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, String> fromTestSupport =
        validShape(userId, tenantId, roleArray).brokenVariants(publishedKey);
    // These three do not depend on which key signs a valid token.
    tokens.put("alg none", fromTestSupport.get("alg none"));
    tokens.put(
        "HS256 signed with the published public key",
        fromTestSupport.get("HS256 signed with the public key"));
    tokens.put("unknown kid", fromTestSupport.get("unknown kid"));
    tokens.put(
        "the service's kid, signed by another key",
        validShape(userId, tenantId, roleArray)
            .signWith(
                new RSAKey.Builder(TestJwks.unpublishedKey())
                    .keyID(signingKey.getKeyID())
                    .build()));
    tokens.put(
        "expired",
        validShape(userId, tenantId, roleArray)
            .issuedAt(Instant.now().minus(Duration.ofHours(1)))
            .lifetime(Duration.ofMinutes(15))
            .signWith(signingKey));
    tokens.put(
        "not yet valid",
        validShape(userId, tenantId, roleArray)
            .notBefore(Instant.now().plus(Duration.ofMinutes(10)))
            .signWith(signingKey));
    tokens.put(
        "wrong issuer",
        validShape(userId, tenantId, roleArray).issuer("someone-else").signWith(signingKey));
    tokens.put(
        "wrong audience",
        validShape(userId, tenantId, roleArray).audience("another-api").signWith(signingKey));
    tokens.put(
        "tampered payload", tamper(validShape(userId, tenantId, roleArray).signWith(signingKey)));
    tokens.put("garbage", "not-a-jwt");
    return tokens;
  }

  /** A genuine signature over a payload whose roles were then raised. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\",\"PLATFORM_ADMIN\"]");
    if (payload.equals(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))) {
      throw new IllegalStateException("Nothing was tampered with");
    }
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forged + "." + parts[2];
  }
}
