package com.chosencrm.common.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request id of the current request, as put in the MDC by {@link RequestIdFilter}. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  // Taken from the client only if it cannot smuggle anything into logs or headers.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  public static String current() {
    return MDC.get(MDC_KEY);
  }

  static String acceptOrCreate(String offered) {
    return offered != null && SAFE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }
}
