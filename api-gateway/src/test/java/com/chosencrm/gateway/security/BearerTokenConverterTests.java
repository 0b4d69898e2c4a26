package com.chosencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.test.StepVerifier;

/** Same accepted and malformed headers as Spring Security's bearer converter's pattern. */
class BearerTokenConverterTests {

  // ServerBearerTokenAuthenticationConverter's rule, applied once the header starts with "bearer".
  private static final Pattern SPRING =
      Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

  @Test
  void whenHeaderIsWellOrBadlyFormed_thenTheTokenIsTakenExactlyWhenSpringWouldTakeIt() {
    List<String> headers =
        List.of(
            "Bearer abc.def.ghi",
            "bearer abc.def.ghi",
            "BEARER abc-_~+/.9",
            "Bearer abc==",
            "Bearer abc=d",
            "Bearer ==",
            "Bearer ",
            "Bearer",
            "Bearer  abc",
            "Bearer abc ",
            "Bearer abc\n",
            "Bearer a,b",
            "Bearer abc\u00e9",
            "Bearerabc",
            "Bearer\tabc");
    for (String header : headers) {
      var spring = SPRING.matcher(header);
      String expected = spring.matches() ? spring.group("token") : null;
      assertThat(BearerTokenConverter.tokenOf(header)).as(header).isEqualTo(expected);
    }
  }

  @Test
  void whenProtectedPathHasAMalformedBearerHeader_thenAuthenticationFails() {
    StepVerifier.create(convert("/api/leads", "Bearer a,b"))
        .expectError(OAuth2AuthenticationException.class)
        .verify();
  }

  @Test
  void whenProtectedPathHasABearerToken_thenItIsTheCredential() {
    StepVerifier.create(convert("/api/leads", "Bearer abc.def.ghi"))
        .assertNext(
            authentication ->
                assertThat(((BearerTokenAuthenticationToken) authentication).getToken())
                    .isEqualTo("abc.def.ghi"))
        .verifyComplete();
  }

  @Test
  void whenPathIsPublicOrSchemeIsNotBearer_thenNoTokenIsTaken() {
    StepVerifier.create(convert("/actuator/health", "Bearer a,b")).verifyComplete();
    StepVerifier.create(convert("/leads/42", "Bearer abc")).verifyComplete();
    StepVerifier.create(convert("/api/leads", "Basic dXNlcjpwYXNz")).verifyComplete();
  }

  private static reactor.core.publisher.Mono<org.springframework.security.core.Authentication>
      convert(String path, String authorization) {
    return new BearerTokenConverter()
        .convert(
            MockServerWebExchange.from(
                MockServerHttpRequest.get(path).header("Authorization", authorization)));
  }
}
