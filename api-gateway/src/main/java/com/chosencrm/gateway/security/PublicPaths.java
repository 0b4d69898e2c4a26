package com.chosencrm.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import reactor.core.publisher.Mono;

/**
 * What the gateway lets through without a token. Under {@code /api/} only sign-in, sign-up, refresh
 * and providers' webhooks (each service verifies the provider's signature); outside it the SPA, the
 * JWKS, health and the API docs. Everything else under {@code /api/} needs a valid token, and the
 * rest of {@code /actuator} a platform operator.
 */
public final class PublicPaths {

  private PublicPaths() {}

  /** Public API calls and public pages alike: a stale Authorization header is ignored there. */
  static ServerWebExchangeMatcher matcher() {
    return new OrServerWebExchangeMatcher(
        List.of(
            post("/api/auth/login"),
            post("/api/auth/register"),
            post("/api/auth/refresh"),
            PublicPaths::webhook,
            path("/.well-known/jwks.json"),
            path("/actuator/health"),
            path("/actuator/health/**"),
            path("/swagger-ui.html"),
            path("/swagger-ui/**"),
            path("/webjars/**"),
            path("/v3/api-docs"),
            path("/v3/api-docs/**"),
            PublicPaths::spa));
  }

  /** The API calls that spend the stricter sign-in rate limit: guessing passwords, mass sign-up. */
  public static ServerWebExchangeMatcher signIn() {
    return new OrServerWebExchangeMatcher(
        List.of(post("/api/auth/login"), post("/api/auth/register")));
  }

  public static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** {@code /api/<area>/.../webhooks/...}: path patterns cannot put {@code **} in the middle. */
  private static Mono<MatchResult> webhook(
      org.springframework.web.server.ServerWebExchange exchange) {
    List<PathContainer.Element> elements =
        exchange.getRequest().getPath().pathWithinApplication().elements();
    boolean isWebhook = false;
    List<String> segments =
        elements.stream()
            .filter(e -> e instanceof PathContainer.PathSegment)
            .map(PathContainer.Element::value)
            .toList();
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      isWebhook = segments.subList(2, segments.size()).contains("webhooks");
    }
    return isWebhook ? MatchResult.match() : MatchResult.notMatch();
  }

  /** The SPA's files and client routes: anything that is neither the API nor the actuator. */
  private static Mono<MatchResult> spa(org.springframework.web.server.ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    boolean isSpa = !isApi(path) && !path.equals("/actuator") && !path.startsWith("/actuator/");
    return isSpa ? MatchResult.match() : MatchResult.notMatch();
  }

  private static ServerWebExchangeMatcher post(String pattern) {
    return new PathPatternParserServerWebExchangeMatcher(pattern, HttpMethod.POST);
  }

  private static ServerWebExchangeMatcher path(String pattern) {
    return new PathPatternParserServerWebExchangeMatcher(pattern);
  }
}
