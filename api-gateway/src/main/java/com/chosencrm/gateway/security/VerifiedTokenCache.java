package com.chosencrm.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims passed the wrapped verifier, so that a client sending
 * the same token again (the SPA does, for its 15 minutes) costs a map lookup instead of an RSA
 * verification, a JSON parse and a JWK-to-key conversion. Keyed by the whole token string, so a
 * token with any byte changed (another signature, a tampered payload) is verified afresh.
 *
 * <p>An entry is used until the token's {@code exp} (never into the verifier's clock skew beyond
 * it) and at most {@code maxAge}, which bounds how long a token signed with a key user-service has
 * since withdrawn from its JWKS stays accepted. The deny-list is not cached: it is asked on every
 * request (EdgeAdmission), so logout, suspension and cut-off act at once. At most {@code
 * maxEntries} tokens are kept; when full, expired entries go, and if that frees nothing, all.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private record Entry(Jwt jwt, Instant usableUntil) {}

  private final ReactiveJwtDecoder verifier;
  private final int maxEntries;
  private final Duration maxAge;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedTokenCache(ReactiveJwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock) {
    this.verifier = verifier;
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Instant now = clock.instant();
    Entry entry = entries.get(token);
    if (entry != null) {
      if (now.isBefore(entry.usableUntil())) {
        return Mono.just(entry.jwt());
      }
      entries.remove(token, entry);
    }
    return verifier.decode(token).doOnNext(jwt -> remember(token, jwt, now));
  }

  int size() {
    return entries.size();
  }

  private void remember(String token, Jwt jwt, Instant verifiedAt) {
    Instant expiresAt = jwt.getExpiresAt();
    if (maxEntries <= 0 || expiresAt == null) {
      return;
    }
    Instant limit = verifiedAt.plus(maxAge);
    Instant usableUntil = expiresAt.isBefore(limit) ? expiresAt : limit;
    if (!verifiedAt.isBefore(usableUntil)) {
      return;
    }
    if (entries.size() >= maxEntries) {
      makeRoom(verifiedAt);
    }
    entries.put(token, new Entry(jwt, usableUntil));
  }

  private void makeRoom(Instant now) {
    entries.values().removeIf(entry -> !now.isBefore(entry.usableUntil()));
    if (entries.size() >= maxEntries) {
      // Many distinct live tokens at once: start over rather than track recency on every hit.
      entries.clear();
    }
  }
}
