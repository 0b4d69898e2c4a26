package com.chosencrm.lead.customfield;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * How lead-service calls user-service: with the caller's own token (so user-service applies its own
 * tenancy and role checks), retried for transient failures behind one circuit breaker, and a 503
 * problem when it cannot answer. Work outside a request (an import on a background thread) must run
 * with the importing user's authentication in the security context.
 */
@Component
class UserServiceCalls {

  private static final Logger log = LoggerFactory.getLogger(UserServiceCalls.class);

  private final CircuitBreaker circuitBreaker;
  private final Retry retry;

  UserServiceCalls(CircuitBreaker circuitBreaker, Retry retry) {
    this.circuitBreaker = circuitBreaker;
    this.retry = retry;
  }

  /**
   * The call's answer, given the caller's {@code Authorization} header value.
   *
   * @param what what is being done, for the log ("Reading custom field definitions")
   * @param unavailable the 503's detail, in the user's words
   * @throws ApiException (503) if user-service cannot answer or the breaker is open
   */
  <T> T call(String what, String unavailable, Function<String, T> call) {
    String authorization = "Bearer " + callerToken();
    try {
      return Retry.decorateSupplier(
              retry,
              CircuitBreaker.decorateSupplier(circuitBreaker, () -> call.apply(authorization)))
          .get();
    } catch (CallNotPermittedException e) {
      throw unavailable(unavailable);
    } catch (RestClientException e) {
      log.warn("{} failed: {}", what, e.getMessage());
      throw unavailable(unavailable);
    }
  }

  private static String callerToken() {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken token) {
      return token.getToken().getTokenValue();
    }
    throw new IllegalStateException("user-service is asked with the caller's token; no caller");
  }

  private static ApiException unavailable(String detail) {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemTypes.SERVICE_UNAVAILABLE,
        "Service unavailable",
        detail);
  }
}
