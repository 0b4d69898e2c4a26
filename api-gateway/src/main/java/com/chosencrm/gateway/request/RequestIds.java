package com.chosencrm.gateway.request;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id of an exchange: the caller's {@code X-Request-Id} when it is safe to log and
 * forward (the same rule as the services'), otherwise a new one.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

  // Taken from the client only if it cannot smuggle anything into logs or headers.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The request id given to the exchange by {@link RequestContextFilter}, or null before it. */
  public static String of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  static String acceptOrCreate(String offered) {
    return offered != null && SAFE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }
}
