package com.chosencrm.common.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.lettuce.core.resource.ClientResources;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every service a stateless resource server: RS256 access tokens from user-service's JWKS,
 * verified for issuer, audience, expiry (60 s skew) and the Redis deny-list; {@code roles} mapped
 * to {@code ROLE_*} authorities; method security on. Nothing is public but health, API docs and the
 * paths a service lists in {@code chosencrm.security.public-paths}.
 */
@AutoConfiguration(
    before = {
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PlatformSecurityProperties.class, DenyListProperties.class})
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

  private static final List<String> ALWAYS_PUBLIC =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/info",
          "/actuator/prometheus",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/error");

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "chosencrm.security.deny-list.mirror", matchIfMissing = true)
  DenyListMirror denyListMirror(
      StringRedisTemplate redis,
      RedisConnectionFactory connections,
      ObjectProvider<ClientResources> clientResources,
      PlatformSecurityProperties security,
      DenyListProperties properties) {
    return new DenyListMirror(
        redis,
        connections,
        clientResources.getIfUnique(),
        DenyList.changesChannel(database(connections)),
        Clock.systemUTC(),
        properties.heartbeat(),
        properties.silenceLimit(),
        properties.resync(),
        security.clockSkew());
  }

  @Bean
  @ConditionalOnMissingBean
  TokenRevocations tokenRevocations(
      StringRedisTemplate redis,
      PlatformSecurityProperties properties,
      ObjectProvider<DenyListMirror> mirror) {
    DenyListMirror copy = mirror.getIfAvailable();
    return copy != null
        ? new TokenRevocations(redis, properties.clockSkew(), copy)
        : new TokenRevocations(
            redis,
            properties.clockSkew(),
            DenyList.changesChannel(database(redis.getRequiredConnectionFactory())));
  }

  private static int database(RedisConnectionFactory connections) {
    return connections instanceof LettuceConnectionFactory lettuce ? lettuce.getDatabase() : 0;
  }

  /**
   * Verifies against a local key source when the service has one (user-service, which owns the
   * keys), otherwise against the published JWKS. Only RS256 is accepted: {@code none} and HS256
   * tokens fail before any claim is read. A token verified once is remembered ({@link
   * VerifiedTokens}: until its exp, at most 5 minutes); the deny-list is asked on every request.
   */
  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(
      PlatformSecurityProperties properties,
      ObjectProvider<JWKSource<SecurityContext>> localKeys,
      TokenRevocations revocations) {
    JWKSource<SecurityContext> keys = localKeys.getIfUnique();
    NimbusJwtDecoder decoder =
        keys != null
            ? NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build()
            : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
    TokenRevocationValidator denyList = new TokenRevocationValidator(revocations);
    decoder.setJwtValidator(PlatformJwtValidators.create(properties, denyList));
    return new CachingJwtDecoder(
        decoder,
        denyList,
        new VerifiedTokens(VerifiedTokens.DEFAULT_MAX_ENTRIES, VerifiedTokens.DEFAULT_MAX_AGE),
        Clock.systemUTC());
  }

  /**
   * No observation wrapped around each of the ~15 security filters of every request (the {@code
   * management.observations} switch alone leaves the wrappers in place); request metrics come from
   * {@code http.server.requests}.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
          Set<GrantedAuthority> authorities =
              roles == null
                  ? Set.of()
                  : roles.stream()
                      .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                      .collect(Collectors.toSet());
          return authorities;
        });
    return converter;
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain platformSecurityFilterChain(
      HttpSecurity http,
      PlatformSecurityProperties properties,
      JwtDecoder decoder,
      JwtAuthenticationConverter converter,
      JsonMapper json)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
    RequestMatcher publicPaths = publicPaths(properties);
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> {})
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .requestMatchers(publicPaths)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                    .bearerTokenResolver(ignoringPublicPaths(publicPaths))
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDeniedHandler()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDeniedHandler()));
    return http.build();
  }

  private static RequestMatcher publicPaths(PlatformSecurityProperties properties) {
    List<RequestMatcher> matchers = new ArrayList<>();
    for (String path : ALWAYS_PUBLIC) {
      matchers.add(PathPatternRequestMatcher.pathPattern(path));
    }
    for (String path : properties.publicPaths()) {
      matchers.add(PathPatternRequestMatcher.pathPattern(path));
    }
    return new OrRequestMatcher(matchers);
  }

  /**
   * A stale token sent to a public endpoint (say, refresh after the access token expired) must not
   * turn the call into a 401, so public paths ignore the Authorization header.
   */
  private static BearerTokenResolver ignoringPublicPaths(RequestMatcher publicPaths) {
    DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
    return (HttpServletRequest request) ->
        publicPaths.matches(request) ? null : delegate.resolve(request);
  }
}
