package com.chosencrm.gateway.security;

import com.chosencrm.common.security.PlatformJwtValidators;
import com.chosencrm.common.security.PlatformSecurityProperties;
import com.chosencrm.common.security.Roles;
import com.chosencrm.common.security.TokenClaims;
import com.chosencrm.gateway.EdgeProperties;
import com.chosencrm.gateway.admission.EdgeAdmission;
import com.chosencrm.gateway.problem.GatewayProblems;
import com.chosencrm.gateway.request.RequestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Edge authentication: the same RS256 verification as every service (algorithm pinned, JWKS from
 * user-service, the shared claim validators; the Redis deny-list in {@link EdgeAdmission}), so a
 * forged, expired or revoked token stops here. The Authorization header still goes on to the
 * service, which verifies again: no service trusts the network.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

  // The SPA's own assets and API calls; MUI injects styles at run time.
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  ReactiveJwtDecoder jwtDecoder(PlatformSecurityProperties properties, EdgeProperties edge) {
    NimbusReactiveJwtDecoder verifier =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    verifier.setJwtValidator(PlatformJwtValidators.claims(properties));
    EdgeProperties.TokenCache cache = edge.tokenCache();
    return new VerifiedTokenCache(verifier, cache.maxEntries(), cache.maxAge(), Clock.systemUTC());
  }

  /**
   * Spring Security's firewall with the same header and parameter rules, checked by a loop: the
   * default checks each value with a regular expression, on a 700-character Authorization header on
   * every request.
   */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(FirewallRules::isAssignedAndNotControl);
    firewall.setAllowedHeaderValues(FirewallRules::isHeaderValue);
    firewall.setAllowedParameterNames(FirewallRules::isAssignedAndNotControl);
    return firewall;
  }

  /**
   * No Spring Security observations: they feed no tracer, and even disabled by {@code
   * management.observations.enable} the observing decorator still wrapped every security filter.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityWebFilterChain edgeSecurity(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      EdgeAdmission admission,
      GatewayProblems problems) {
    ServerWebExchangeMatcher publicPaths = PublicPaths.matcher();
    ServerAuthenticationEntryPoint entryPoint = ProblemSecurityHandlers.entryPoint(problems);
    // Stateless: every request brings its token, so no session is looked up or created for it.
    http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .cors(cors -> {})
        .authorizeExchange(
            exchange ->
                exchange
                    .matchers(publicPaths)
                    .permitAll()
                    .pathMatchers("/actuator/**")
                    .hasRole(Roles.PLATFORM_ADMIN)
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(rolesAsAuthorities()))
                    .bearerTokenConverter(new BearerTokenConverter())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(problems)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(problems)))
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    // Written only on https requests (X-Forwarded-Proto behind a proxy).
                    .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
        // Deny-list and rate limit in one Redis call, once the token is verified.
        .addFilterAfter(admission.filter(entryPoint), SecurityWebFiltersOrder.AUTHENTICATION);
    return http.build();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(EdgeProperties edge) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(edge.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "Idempotency-Key",
            RequestIds.HEADER,
            "traceparent",
            "tracestate"));
    cors.setExposedHeaders(
        List.of(RequestIds.HEADER, "Retry-After", "Location", "Content-Disposition", "ETag"));
    // Refresh tokens may travel in an HttpOnly cookie.
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /** {@code roles} claim to {@code ROLE_*} authorities, as in the services. */
  private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesAsAuthorities() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
          return roles == null
              ? List.of()
              : roles.stream()
                  .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                  .toList();
        });
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }
}
