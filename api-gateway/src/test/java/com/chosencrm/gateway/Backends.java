package com.chosencrm.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Real HTTP servers standing in for the services: each answers with its own name and remembers the
 * last request it got, so tests see exactly what the gateway forwarded. A path ending in {@code
 * /slow} answers after {@link #SLOW_MILLIS}, one ending in {@code /half-second} after 500 ms;
 * {@code /v3/api-docs} answers a tiny OpenAPI document.
 */
final class Backends {

  static final long SLOW_MILLIS = 4_000;

  /** The services of ARCHITECTURE.md and the environment variable the gateway reads for each. */
  static final List<String> SERVICES =
      List.of(
          "user-service",
          "hr-service",
          "lead-service",
          "call-service",
          "campaign-service",
          "integration-service",
          "billing-service",
          "notification-service",
          "reporting-service",
          "lender-service",
          "coaching-service",
          "application-service");

  /** A service nobody listens for, to show a dead service and the others living on. */
  static final String DEAD_SERVICE = "call-service";

  private static Map<String, Backend> backends;
  private static int deadPort;

  private Backends() {}

  /** What a backend received. Header names are case-insensitive. */
  record Received(String method, String path, String query, Map<String, List<String>> headers) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }
  }

  static final class Backend {
    private final String name;
    private final HttpServer server;
    private volatile Received last;

    private Backend(String name) throws IOException {
      this.name = name;
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Received last() {
      return last;
    }

    void forget() {
      last = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
      String path = exchange.getRequestURI().getRawPath();
      exchange.getRequestBody().readAllBytes();
      last =
          new Received(
              exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers);
      if (path.endsWith("/slow")) {
        sleep(SLOW_MILLIS);
      } else if (path.endsWith("/half-second")) {
        sleep(500);
      }
      String body =
          path.equals("/v3/api-docs")
              ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"}}"
              : "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      // Services echo the request id; the gateway must not double it.
      String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
      if (requestId != null) {
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
      }
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }
  }

  static synchronized Map<String, Backend> all() {
    if (backends == null) {
      try {
        Map<String, Backend> started = new LinkedHashMap<>();
        for (String service : SERVICES) {
          if (!service.equals(DEAD_SERVICE)) {
            started.put(service, new Backend(service));
          }
        }
        try (ServerSocket probe = new ServerSocket(0)) {
          deadPort = probe.getLocalPort();
        }
        backends = started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return backends;
  }

  static Backend of(String service) {
    return all().get(service);
  }

  /** Where the gateway should find {@code service}: its backend, or a port nobody listens on. */
  static String url(String service) {
    Backend backend = all().get(service);
    return backend != null ? backend.url() : "http://127.0.0.1:" + deadPort;
  }

  /** {@code lead-service} → {@code LEAD_SERVICE_URL}, as the launcher passes them. */
  static String environmentName(String service) {
    return service.toUpperCase().replace('-', '_') + "_URL";
  }

  static void forgetAll() {
    all().values().forEach(Backend::forget);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
