package com.chosencrm.gateway.ratelimit;

import com.chosencrm.gateway.problem.GatewayProblems;
import com.chosencrm.gateway.security.Caller;
import com.chosencrm.gateway.security.PublicPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits on {@code /api/**}, after authentication so the tenant comes from a verified token:
 * one bucket per tenant for signed-in calls, per client IP for public ones, and a stricter per-IP
 * bucket for login and sign-up. Over the limit: 429 problem with {@code Retry-After}.
 *
 * <p>Fails open: if Redis cannot answer, requests pass, with a warning and the {@code
 * gateway.ratelimit.unavailable} counter. Authentication fails closed on the same outage (ADR
 * 0004), so only public calls are left unlimited while Redis is down.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
  private static final String KEY_PREFIX = "chosencrm:rate-limit:";
  private static final long WARN_EVERY_MILLIS = 10_000;
  private static final ServerWebExchangeMatcher SIGN_IN = PublicPaths.signIn();

  private final TokenBuckets buckets;
  private final RateLimitProperties limits;
  private final GatewayProblems problems;
  private final MeterRegistry meters;
  private final Counter unavailable;
  private final AtomicLong lastWarning = new AtomicLong();

  RateLimitFilter(
      ReactiveStringRedisTemplate redis,
      @Value("${spring.data.redis.timeout:500ms}") Duration redisTimeout,
      RateLimitProperties limits,
      GatewayProblems problems,
      MeterRegistry meters) {
    this.buckets = new TokenBuckets(redis, redisTimeout);
    this.limits = limits;
    this.problems = problems;
    this.meters = meters;
    this.unavailable =
        Counter.builder("gateway.ratelimit.unavailable")
            .description("Requests let through unlimited because Redis could not be asked")
            .register(meters);
  }

  @Override
  public int getOrder() {
    // Right after Spring Security's chain (-100): the caller is known, the route not yet taken.
    return -50;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!PublicPaths.isApi(exchange.getRequest().getPath().pathWithinApplication().value())) {
      // Not limited, but the access log still names the caller.
      return Caller.resolve(exchange).then(chain.filter(exchange));
    }
    return Caller.resolve(exchange)
        .flatMap(
            caller -> SIGN_IN.matches(exchange).map(m -> limitFor(caller, m.isMatch(), exchange)))
        .flatMap(
            limit ->
                buckets
                    .take(limit.key(), limit.bucket())
                    .map(
                        decision ->
                            decision.allowed()
                                ? Duration.ZERO
                                : atLeastOneSecond(decision.retryAfter()))
                    .onErrorResume(e -> failOpen(e))
                    .flatMap(
                        retryAfter ->
                            retryAfter.isZero()
                                ? chain.filter(exchange)
                                : reject(exchange, limit.name(), retryAfter)));
  }

  private record Limit(String name, String key, RateLimitProperties.Bucket bucket) {}

  private Limit limitFor(Caller caller, boolean isSignIn, ServerWebExchange exchange) {
    if (isSignIn) {
      return new Limit("sign-in", KEY_PREFIX + "sign-in:" + clientIp(exchange), limits.signIn());
    }
    if (caller.isAuthenticated()) {
      return new Limit("tenant", KEY_PREFIX + "tenant:" + caller.tenantId(), limits.tenant());
    }
    return new Limit("anonymous", KEY_PREFIX + "ip:" + clientIp(exchange), limits.anonymous());
  }

  private Mono<Duration> failOpen(Throwable error) {
    unavailable.increment();
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
      log.warn("Rate limits not applied: Redis unavailable ({})", error.toString());
    }
    return Mono.just(Duration.ZERO);
  }

  private Mono<Void> reject(ServerWebExchange exchange, String limit, Duration retryAfter) {
    meters.counter("gateway.ratelimit.rejected", "limit", limit).increment();
    long seconds = retryAfter.toSeconds();
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests; try again in " + seconds + (seconds == 1 ? " second" : " seconds"));
  }

  private static Duration atLeastOneSecond(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return Duration.ofSeconds(seconds);
  }

  /** The peer's address; behind a proxy, the forwarded one when forward headers are trusted. */
  private static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }
}
