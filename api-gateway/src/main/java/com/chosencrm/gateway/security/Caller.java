package com.chosencrm.gateway.security;

import com.chosencrm.common.security.TokenClaims;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who made a request, from the verified token only ({@link #ANONYMOUS} on public paths). Kept on
 * the exchange for the rate limiter and the access log.
 */
public record Caller(String tenantId, String userId) {

  public static final Caller ANONYMOUS = new Caller(null, null);

  private static final String ATTRIBUTE = Caller.class.getName();

  public boolean isAuthenticated() {
    return tenantId != null;
  }

  /** The caller stored by {@link #resolve}, or anonymous if it has not run. */
  public static Caller of(ServerWebExchange exchange) {
    return exchange.getAttributeOrDefault(ATTRIBUTE, ANONYMOUS);
  }

  /** Reads the caller from the security context (after authentication) and stores it. */
  public static Mono<Caller> resolve(ServerWebExchange exchange) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(context -> context.getAuthentication())
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(JwtAuthenticationToken.class::cast)
        .map(
            token ->
                new Caller(
                    token.getToken().getClaimAsString(TokenClaims.TENANT),
                    token.getToken().getSubject()))
        .defaultIfEmpty(ANONYMOUS)
        .doOnNext(caller -> exchange.getAttributes().put(ATTRIBUTE, caller));
  }
}
