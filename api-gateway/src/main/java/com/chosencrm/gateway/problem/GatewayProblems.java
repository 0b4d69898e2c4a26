package com.chosencrm.gateway.problem;

import com.chosencrm.gateway.request.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the RFC 9457 problems the gateway answers with itself, shaped like the services' (stable
 * {@code type}, {@code requestId}) so the SPA handles every error one way. Details are fixed texts:
 * nothing from an exception reaches a client.
 */
@Component
public class GatewayProblems {

  private static final String TYPE_BASE = "https://chosencrm.dev/problems/";

  // The same type URIs as common/platform's ProblemTypes, plus gateway-timeout, which only the
  // edge answers with.
  private static final Map<Integer, String> TYPES =
      Map.of(
          400, "bad-request",
          401, "unauthorized",
          403, "forbidden",
          404, "not-found",
          405, "method-not-allowed",
          429, "too-many-requests",
          500, "internal",
          502, "service-unavailable",
          503, "service-unavailable",
          504, "gateway-timeout");

  private final JsonMapper json;

  GatewayProblems(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + TYPES.getOrDefault(status.value(), "internal"));
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    String requestId = RequestIds.of(exchange);
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(bytes.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
  }
}
