package com.chosencrm.gateway.admission;

import com.chosencrm.common.security.DenyList;
import com.chosencrm.common.security.TokenClaims;
import com.chosencrm.gateway.problem.GatewayProblems;
import com.chosencrm.gateway.request.RequestThread;
import com.chosencrm.gateway.security.Caller;
import com.chosencrm.gateway.security.PublicPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What the edge asks Redis about a request, in one script call ({@link AdmissionScript}), right
 * after the token's signature and claims are verified: is the token on the deny-list (revoked,
 * tenant suspended, user cut off), and may the caller pass the rate limit. Runs inside Spring
 * Security's chain, before authorization, so a revoked token is a 401 on every path.
 *
 * <p>Rate limits apply on {@code /api/**}: one bucket per tenant for signed-in calls, per client IP
 * for public ones, and a stricter per-IP bucket for login and sign-up. Over the limit: 429 problem
 * with {@code Retry-After}. Calls without a token to a protected path are left to authorization
 * (401) without spending a bucket.
 *
 * <p>Redis down (ADR 0004): a token whose revocation status cannot be read is refused (fail closed,
 * as in every service); a public call passes unlimited (fail open), with a warning at most every 10
 * s and the {@code gateway.ratelimit.unavailable} counter.
 */
@Component
public class EdgeAdmission {

  private static final Logger log = LoggerFactory.getLogger(EdgeAdmission.class);
  private static final String KEY_PREFIX = "chosencrm:rate-limit:";
  private static final long WARN_EVERY_MILLIS = 10_000;
  private static final AdmissionScript.Answer UNAVAILABLE =
      new AdmissionScript.Answer(null, 1, Duration.ZERO);

  private final AdmissionScript script;
  private final LocalAdmissions local;
  private final RateLimitProperties limits;
  private final GatewayProblems problems;
  private final MeterRegistry meters;
  private final Counter unavailable;
  private final AtomicLong lastWarning = new AtomicLong();

  EdgeAdmission(
      ReactiveStringRedisTemplate redis,
      @Value("${spring.data.redis.timeout:500ms}") Duration redisTimeout,
      RateLimitProperties limits,
      AdmissionProperties admission,
      GatewayProblems problems,
      MeterRegistry meters) {
    this.script = new AdmissionScript(redis, redisTimeout);
    this.local = new LocalAdmissions(admission, System::nanoTime);
    this.limits = limits;
    this.problems = problems;
    this.meters = meters;
    this.unavailable =
        Counter.builder("gateway.ratelimit.unavailable")
            .description("Requests let through unlimited because Redis could not be asked")
            .register(meters);
  }

  /** The filter for the security chain; {@code refuse} answers a token the deny-list refuses. */
  public WebFilter filter(ServerAuthenticationEntryPoint refuse) {
    return (exchange, chain) ->
        ReactiveSecurityContextHolder.getContext()
            .mapNotNull(SecurityContext::getAuthentication)
            .filter(JwtAuthenticationToken.class::isInstance)
            .map(
                authentication -> Optional.of(((JwtAuthenticationToken) authentication).getToken()))
            .defaultIfEmpty(Optional.empty())
            .flatMap(
                jwt ->
                    jwt.isPresent()
                        ? admitToken(exchange, chain, jwt.get(), refuse)
                        : admitAnonymous(exchange, chain));
  }

  private Mono<Void> admitToken(
      ServerWebExchange exchange,
      WebFilterChain chain,
      Jwt jwt,
      ServerAuthenticationEntryPoint refuse) {
    String tenant = jwt.getClaimAsString(TokenClaims.TENANT);
    Caller.store(exchange, new Caller(tenant, jwt.getSubject()));
    Limit limit =
        isApi(exchange.getRequest())
            ? new Limit("tenant", KEY_PREFIX + "tenant:" + tenant, limits.tenant())
            : null;
    // A token the deny-list cleared a moment ago, within what this instance holds of its
    // tenant's bucket, passes without Redis (ADR 0009).
    String token = jwt.getId() != null ? jwt.getId() : jwt.getTokenValue();
    boolean leased = limit == null || local.takeLeased(limit.key());
    if (leased && local.isCleared(token)) {
      return chain.filter(exchange);
    }
    Long issuedAt = jwt.getIssuedAt() != null ? jwt.getIssuedAt().getEpochSecond() : null;
    Limit asked = leased ? null : limit;
    return script
        .admit(
            DenyList.keys(jwt.getId(), tenant, jwt.getSubject()),
            issuedAt,
            bucket(asked),
            asked == null ? 1 : local.leaseSize(asked.bucket()))
        .onErrorResume(
            e -> {
              log.error("Token deny-list unavailable; rejecting token: {}", e.toString());
              return Mono.just(UNAVAILABLE);
            })
        .publishOn(RequestThread.of(exchange))
        .flatMap(
            answer -> {
              if (answer == UNAVAILABLE || isRefused(answer, jwt)) {
                return refuse.commence(
                    exchange, new InvalidBearerTokenException("The token has been revoked"));
              }
              local.cleared(token);
              return asked == null ? chain.filter(exchange) : spend(exchange, chain, asked, answer);
            });
  }

  private Mono<Void> admitAnonymous(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!isApi(request) || !PublicPaths.isPublic(request)) {
      // Not limited; a protected path without a token is authorization's 401.
      return chain.filter(exchange);
    }
    Limit limit =
        PublicPaths.isSignIn(request)
            ? new Limit("sign-in", KEY_PREFIX + "sign-in:" + clientIp(request), limits.signIn())
            : new Limit("anonymous", KEY_PREFIX + "ip:" + clientIp(request), limits.anonymous());
    if (local.takeLeased(limit.key())) {
      return chain.filter(exchange);
    }
    return script
        .admit(null, null, bucket(limit), local.leaseSize(limit.bucket()))
        .onErrorResume(e -> failOpen(e))
        .publishOn(RequestThread.of(exchange))
        .flatMap(answer -> spend(exchange, chain, limit, answer));
  }

  /**
   * Passes the request on the bucket's answer, keeping the tokens granted beyond this request as
   * the lease (none when Redis could not be asked: {@code UNAVAILABLE} grants exactly one).
   */
  private Mono<Void> spend(
      ServerWebExchange exchange,
      WebFilterChain chain,
      Limit limit,
      AdmissionScript.Answer answer) {
    if (!answer.allowed()) {
      return reject(exchange, limit.name(), answer.retryAfter());
    }
    local.leased(limit.key(), answer.granted() - 1);
    return chain.filter(exchange);
  }

  private record Limit(String name, String key, RateLimitProperties.Bucket bucket) {}

  private static AdmissionScript.Bucket bucket(Limit limit) {
    return limit == null ? null : new AdmissionScript.Bucket(limit.key(), limit.bucket());
  }

  /** The deny-list's decision, shared with every service; an unreadable answer refuses. */
  private static boolean isRefused(AdmissionScript.Answer answer, Jwt jwt) {
    try {
      return DenyList.isRejected(answer.denyListValues(), jwt.getIssuedAt());
    } catch (RuntimeException e) {
      log.error("Token deny-list answer unreadable; rejecting token: {}", e.toString());
      return true;
    }
  }

  private static boolean isApi(ServerHttpRequest request) {
    return PublicPaths.isApi(request.getPath().pathWithinApplication().value());
  }

  private Mono<AdmissionScript.Answer> failOpen(Throwable error) {
    unavailable.increment();
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
      log.warn("Rate limits not applied: Redis unavailable ({})", error.toString());
    }
    return Mono.just(UNAVAILABLE);
  }

  private Mono<Void> reject(ServerWebExchange exchange, String limit, Duration retryAfter) {
    meters.counter("gateway.ratelimit.rejected", "limit", limit).increment();
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests; try again in " + seconds + (seconds == 1 ? " second" : " seconds"));
  }

  /** The peer's address; behind a proxy, the forwarded one when forward headers are trusted. */
  private static String clientIp(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }
}
