package com.chosencrm.gateway.request;

import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First thing on every request, before CORS and security so that even a 401 carries it: gives the
 * request its id and trace context, passes both downstream, returns the id on the response, and
 * drops identity headers a client could forge. Services learn who the caller is from the token
 * only; a stray {@code X-User-Id} must never reach one.
 */
@Component
class RequestContextFilter implements WebFilter, Ordered {

  static final String TRACE_ID_ATTRIBUTE = RequestContextFilter.class.getName() + ".traceId";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
    TraceParent trace =
        TraceParent.continueOrStart(request.getHeaders().getFirst(TraceParent.HEADER));
    exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
    exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, trace.traceId());
    // Set when the response is committed, replacing the copy a service echoes back.
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
              return Mono.empty();
            });
    ServerHttpRequest forwarded =
        request
            .mutate()
            .headers(
                headers -> {
                  removeIdentityHeaders(headers);
                  headers.set(RequestIds.HEADER, requestId);
                  headers.set(TraceParent.HEADER, trace.header());
                })
            .build();
    return chain.filter(exchange.mutate().request(forwarded).build());
  }

  static boolean isIdentityHeader(String name) {
    // Every identity header starts with X; most headers do not, and skip the lower-casing.
    if (name.isEmpty() || (name.charAt(0) != 'x' && name.charAt(0) != 'X')) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("x-user-")
        || lower.startsWith("x-tenant-")
        || lower.equals("x-user")
        || lower.equals("x-tenant")
        || lower.equals("x-forwarded-user")
        || lower.equals("x-remote-user")
        || lower.equals("x-authenticated-user");
  }

  private static void removeIdentityHeaders(HttpHeaders headers) {
    headers.headerNames().stream()
        .filter(RequestContextFilter::isIdentityHeader)
        .toList()
        .forEach(headers::remove);
  }
}
