package com.chosencrm.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * What the gateway lets through without a token. Under {@code /api/} only sign-in, sign-up, refresh
 * and providers' webhooks (each service verifies the provider's signature); outside it the SPA, the
 * JWKS, health and the API docs. Everything else under {@code /api/} needs a valid token, and the
 * rest of {@code /actuator} a platform operator.
 *
 * <p>Plain path patterns rather than Spring Security's {@code OrServerWebExchangeMatcher}: that one
 * formats a debug message per pattern on every request even with debug logging off, and this runs
 * on every request twice (authorization, and the bearer converter that ignores public paths).
 */
public final class PublicPaths {

  private static final List<PathPattern> PUBLIC_POSTS =
      parse("/api/auth/login", "/api/auth/register", "/api/auth/refresh");

  private static final List<PathPattern> SIGN_IN = parse("/api/auth/login", "/api/auth/register");

  private static final List<PathPattern> PUBLIC_PATHS =
      parse(
          "/.well-known/jwks.json",
          "/actuator/health",
          "/actuator/health/**",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/webjars/**",
          "/v3/api-docs",
          "/v3/api-docs/**");

  private static final Mono<MatchResult> MATCH = MatchResult.match();
  private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

  private PublicPaths() {}

  /** Public API calls and public pages alike: a stale Authorization header is ignored there. */
  static ServerWebExchangeMatcher matcher() {
    return exchange -> isPublic(exchange.getRequest()) ? MATCH : NO_MATCH;
  }

  public static boolean isPublic(ServerHttpRequest request) {
    PathContainer path = request.getPath().pathWithinApplication();
    String value = path.value();
    if (!isApi(value) && !isActuator(value)) {
      // The SPA's files and client routes.
      return true;
    }
    if (HttpMethod.POST.equals(request.getMethod()) && matchesAny(PUBLIC_POSTS, path)) {
      return true;
    }
    return isWebhook(path) || matchesAny(PUBLIC_PATHS, path);
  }

  /** The API calls that spend the stricter sign-in rate limit: guessing passwords, mass sign-up. */
  public static boolean isSignIn(ServerHttpRequest request) {
    return HttpMethod.POST.equals(request.getMethod())
        && matchesAny(SIGN_IN, request.getPath().pathWithinApplication());
  }

  public static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isActuator(String path) {
    return path.equals("/actuator") || path.startsWith("/actuator/");
  }

  /** {@code /api/<area>/.../webhooks/...}: path patterns cannot put {@code **} in the middle. */
  private static boolean isWebhook(PathContainer path) {
    int segment = 0;
    for (PathContainer.Element element : path.elements()) {
      if (!(element instanceof PathContainer.PathSegment)) {
        continue;
      }
      String value = element.value();
      if (segment == 0 && !value.equals("api")) {
        return false;
      }
      if (segment >= 2 && value.equals("webhooks")) {
        return true;
      }
      segment++;
    }
    return false;
  }

  private static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathPattern> parse(String... patterns) {
    return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
  }
}
