package com.chosencrm.gateway.security;

import com.chosencrm.common.security.DenyList;
import com.chosencrm.common.security.TokenClaims;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The services' verification, reactive: signature and claims by the wrapped decoder, then one
 * {@code MGET} on the shared deny-list, decided by {@link DenyList}. Fails closed: a token whose
 * revocation status cannot be read is refused like a revoked one (ADR 0001).
 */
class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

  private static final Logger log = LoggerFactory.getLogger(RevocationCheckingJwtDecoder.class);

  private final ReactiveJwtDecoder verifier;
  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  RevocationCheckingJwtDecoder(
      ReactiveJwtDecoder verifier, ReactiveStringRedisTemplate redis, Duration timeout) {
    this.verifier = verifier;
    this.redis = redis;
    this.timeout = timeout;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    return verifier.decode(token).flatMap(this::notRevoked);
  }

  private Mono<Jwt> notRevoked(Jwt jwt) {
    return redis
        .opsForValue()
        .multiGet(
            DenyList.keys(jwt.getId(), jwt.getClaimAsString(TokenClaims.TENANT), jwt.getSubject()))
        .timeout(timeout)
        .map(values -> DenyList.isRejected(values, jwt.getIssuedAt()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("Redis gave no answer")))
        .onErrorMap(
            e -> {
              log.error("Token deny-list unavailable; rejecting token: {}", e.toString());
              return new BadJwtException("Token revocation status unavailable", e);
            })
        .flatMap(
            rejected ->
                rejected
                    ? Mono.error(new BadJwtException("The token has been revoked"))
                    : Mono.just(jwt));
  }
}
