package com.chosencrm.lead.customfield;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * The tenant's feature flags, which user-service owns, asked with the caller's own token when a
 * gated action starts (not cached: an admin's switch takes effect at the next action). When
 * user-service cannot answer, the action is refused with 503 rather than allowed unchecked.
 */
@Service
public class TenantFeatures {

  /** Admins and supervisors can import leads from spreadsheets (user-service's default: on). */
  public static final String LEAD_IMPORT = "leadImport";

  private static final Logger log = LoggerFactory.getLogger(TenantFeatures.class);

  private final TenantFeaturesClient client;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;

  TenantFeatures(TenantFeaturesClient client, CircuitBreaker circuitBreaker, Retry retry) {
    this.client = client;
    this.circuitBreaker = circuitBreaker;
    this.retry = retry;
  }

  /**
   * @throws ApiException 403 if the tenant has the flag off; 503 if user-service cannot answer
   */
  public void require(String flag, String whatIsOff) {
    if (!enabled(flag)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          ProblemTypes.FORBIDDEN,
          "Feature turned off",
          whatIsOff + " is turned off for this company; an admin can turn it on in Settings.");
    }
  }

  /** Whether the boolean flag is on; a flag user-service does not list counts as off. */
  public boolean enabled(String flag) {
    String authorization = "Bearer " + currentToken();
    Supplier<List<TenantFeaturesClient.Flag>> call =
        () -> {
          List<TenantFeaturesClient.Flag> flags = client.flags(authorization);
          return flags == null ? List.of() : flags;
        };
    List<TenantFeaturesClient.Flag> flags;
    try {
      flags =
          Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call))
              .get();
    } catch (CallNotPermittedException | RestClientException e) {
      log.warn("Reading the tenant's feature flags failed: {}", e.getMessage());
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The company's settings cannot be read right now; try again in a moment");
    }
    return flags.stream().anyMatch(f -> flag.equals(f.key()) && Boolean.TRUE.equals(f.value()));
  }

  private static String currentToken() {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken token) {
      return token.getToken().getTokenValue();
    }
    throw new IllegalStateException("Feature flags are read with the caller's token; no caller");
  }
}
