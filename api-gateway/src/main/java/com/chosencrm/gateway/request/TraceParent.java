package com.chosencrm.gateway.request;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} (version 00). The gateway takes part in the trace as one
 * hop: it keeps the caller's trace id and flags, and sends its own span id as the parent to the
 * service; a missing or malformed header starts a new, sampled trace.
 */
record TraceParent(String traceId, String spanId, String flags) {

  static final String HEADER = "traceparent";

  private static final Pattern FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);

  /** The next hop of the caller's trace, or a new trace if it sent none (or a broken one). */
  static TraceParent continueOrStart(String offered) {
    if (offered != null) {
      var matcher = FORMAT.matcher(offered.trim());
      if (matcher.matches()
          && !matcher.group(1).equals(ZERO_TRACE)
          && !matcher.group(2).equals(ZERO_SPAN)) {
        return new TraceParent(matcher.group(1), newSpanId(), matcher.group(3));
      }
    }
    return new TraceParent(randomHex(16), newSpanId(), "01");
  }

  String header() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String newSpanId() {
    String id;
    do {
      id = randomHex(8);
    } while (id.equals(ZERO_SPAN));
    return id;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
