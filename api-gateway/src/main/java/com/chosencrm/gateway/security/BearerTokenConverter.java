package com.chosencrm.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header, with the rule of Spring Security's {@code
 * ServerBearerTokenAuthenticationConverter} ({@code Bearer} in any case, one space, RFC 6750 token
 * characters, optional {@code =} padding; anything else after {@code Bearer} is a malformed token)
 * checked by a loop instead of a case-insensitive regular expression over a 700-character token on
 * every request. Tokens in query parameters or form bodies are not accepted, as before.
 *
 * <p>A stale token sent to a public endpoint (refresh after the access token expired, the SPA's
 * files) must not turn the call into a 401, so public paths ignore the header.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

  private static final String SCHEME = "Bearer ";

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    if (PublicPaths.isPublic(request)) {
      return Mono.empty();
    }
    String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
      return Mono.empty();
    }
    String token = tokenOf(header);
    if (token == null) {
      return Mono.error(
          new OAuth2AuthenticationException(
              BearerTokenErrors.invalidToken("Bearer token is malformed")));
    }
    return Mono.just(new BearerTokenAuthenticationToken(token));
  }

  /** The token of {@code Bearer <token>}, or null if the header is not exactly that. */
  static String tokenOf(String header) {
    if (header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    int end = header.length();
    while (end > SCHEME.length() && header.charAt(end - 1) == '=') {
      end--;
    }
    if (end == SCHEME.length()) {
      return null;
    }
    for (int i = SCHEME.length(); i < end; i++) {
      if (!isTokenCharacter(header.charAt(i))) {
        return null;
      }
    }
    return header.substring(SCHEME.length());
  }

  // RFC 6750 b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/"
  private static boolean isTokenCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }
}
