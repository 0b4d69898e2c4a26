package com.chosencrm.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature and claims a verifier has passed, so that a client sending the same token
 * again (the SPA does, for its 15 minutes) costs a map lookup instead of an RSA verification, a
 * JSON parse and a JWK-to-key conversion. Keyed by the whole token string: a token with any byte
 * changed (another signature, a tampered payload) is verified afresh.
 *
 * <p>An entry is used until the token's {@code exp} (never into the verifier's clock skew beyond
 * it) and at most {@code maxAge}, which bounds how long a token signed with a key since withdrawn
 * from the JWKS stays accepted. The deny-list is not cached: callers ask it on every request, so
 * logout, suspension and cut-off act at once. At most {@code maxEntries} tokens are kept; when
 * full, expired entries go, and if that frees nothing, all.
 */
public final class VerifiedTokens {

  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  private record Entry(Jwt jwt, Instant usableUntil) {}

  private final int maxEntries;
  private final Duration maxAge;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public VerifiedTokens(int maxEntries, Duration maxAge) {
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
  }

  /** The verified token, if it was verified before and is still usable at {@code now}. */
  public Jwt get(String token, Instant now) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (now.isBefore(entry.usableUntil())) {
      return entry.jwt();
    }
    entries.remove(token, entry);
    return null;
  }

  /** Remembers a token the verifier passed at {@code verifiedAt}. */
  public void remember(String token, Jwt jwt, Instant verifiedAt) {
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

  public int size() {
    return entries.size();
  }

  private void makeRoom(Instant now) {
    entries.values().removeIf(entry -> !now.isBefore(entry.usableUntil()));
    if (entries.size() >= maxEntries) {
      // Many distinct live tokens at once: start over rather than track recency on every hit.
      entries.clear();
    }
  }
}
