package com.chosencrm.gateway.request;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import com.chosencrm.gateway.security.Caller;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on the {@code chosencrm.gateway.access} logger: method, route, path without
 * query, status, latency to the response headers, tenant and user. Never the query string, headers
 * or bodies: they carry tokens, passwords and personal data.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

  private static final Logger access = LoggerFactory.getLogger("chosencrm.gateway.access");

  // In structured (JSON) logs the fields are the record and the message only a summary: repeating
  // every field in the message made the line, encoded character by character, a third longer.
  private final boolean isStructured;

  AccessLogFilter(Environment environment) {
    this.isStructured = environment.containsProperty("logging.structured.format.console");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!access.isInfoEnabled()) {
      return chain.filter(exchange);
    }
    long started = System.nanoTime();
    AtomicBoolean logged = new AtomicBoolean();
    // Logged when the status is final: error handlers answer after the filter chain has ended.
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              if (logged.compareAndSet(false, true)) {
                log(exchange, exchange.getResponse().getStatusCode(), started);
              }
              return Mono.empty();
            });
    return chain
        .filter(exchange)
        .doFinally(
            signal -> {
              // The client went away before any answer: the classic 499.
              if (signal == SignalType.CANCEL && logged.compareAndSet(false, true)) {
                log(exchange, HttpStatusCode.valueOf(499), started);
              }
            });
  }

  private void log(ServerWebExchange exchange, HttpStatusCode status, long started) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    Caller caller = Caller.of(exchange);
    long latencyMillis = (System.nanoTime() - started) / 1_000_000;
    String method = exchange.getRequest().getMethod().name();
    String path = exchange.getRequest().getPath().value();
    String routeId = route != null ? route.getId() : "-";
    int code = status != null ? status.value() : 200;
    if (isStructured) {
      access
          .atInfo()
          .addKeyValue("method", method)
          .addKeyValue("route", routeId)
          .addKeyValue("path", path)
          .addKeyValue("status", code)
          .addKeyValue("latencyMs", latencyMillis)
          .addKeyValue("tenant", caller.tenantId())
          .addKeyValue("user", caller.userId())
          .addKeyValue("requestId", RequestIds.of(exchange))
          .addKeyValue(
              "traceId", exchange.<String>getAttribute(RequestContextFilter.TRACE_ID_ATTRIBUTE))
          .log("{} {} {}", method, path, code);
      return;
    }
    access.info(
        "{} {} {} {} {}ms route={} tenant={} user={}",
        method,
        path,
        code,
        RequestIds.of(exchange),
        latencyMillis,
        routeId,
        caller.tenantId() != null ? caller.tenantId() : "-",
        caller.userId() != null ? caller.userId() : "-");
  }
}
