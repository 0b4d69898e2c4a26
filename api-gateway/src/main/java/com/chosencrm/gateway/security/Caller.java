package com.chosencrm.gateway.security;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who made a request, from the verified token only ({@link #ANONYMOUS} on public paths). Kept on
 * the exchange by the edge admission for the access log.
 */
public record Caller(String tenantId, String userId) {

  public static final Caller ANONYMOUS = new Caller(null, null);

  private static final String ATTRIBUTE = Caller.class.getName();

  public boolean isAuthenticated() {
    return tenantId != null;
  }

  /** The caller stored by {@link #store}, or anonymous. */
  public static Caller of(ServerWebExchange exchange) {
    return exchange.getAttributeOrDefault(ATTRIBUTE, ANONYMOUS);
  }

  public static void store(ServerWebExchange exchange, Caller caller) {
    exchange.getAttributes().put(ATTRIBUTE, caller);
  }
}
