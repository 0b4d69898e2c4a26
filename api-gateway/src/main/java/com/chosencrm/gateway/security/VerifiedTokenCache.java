package com.chosencrm.gateway.security;

import com.chosencrm.common.security.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The edge's verifier: the full verification (signature, claims) the first time a token is seen,
 * then, while {@link VerifiedTokens} (shared with the services) holds it, a map lookup instead of
 * an RSA verification, a JSON parse and a JWK-to-key conversion. Entries live until the token's
 * {@code exp} and at most {@code maxAge}. The deny-list is not cached: it is asked on every request
 * (EdgeAdmission), so logout, suspension and cut-off act at once.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder verifier;
  private final VerifiedTokens verified;
  private final Clock clock;

  VerifiedTokenCache(ReactiveJwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock) {
    this.verifier = verifier;
    this.verified = new VerifiedTokens(maxEntries, maxAge);
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Instant now = clock.instant();
    Jwt known = verified.get(token, now);
    if (known != null) {
      return Mono.just(known);
    }
    return verifier.decode(token).doOnNext(jwt -> verified.remember(token, jwt, now));
  }

  int size() {
    return verified.size();
  }
}
