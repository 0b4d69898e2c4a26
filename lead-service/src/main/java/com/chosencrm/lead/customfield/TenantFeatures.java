package com.chosencrm.lead.customfield;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tenant's feature flags, which user-service owns, asked with the caller's own token when a
 * gated action starts (not cached: an admin's switch takes effect at the next action). When
 * user-service cannot answer, the action is refused with 503 rather than allowed unchecked.
 */
@Service
public class TenantFeatures {

  /** Admins and supervisors can import leads from spreadsheets (user-service's default: on). */
  public static final String LEAD_IMPORT = "leadImport";

  private final TenantFeaturesClient client;
  private final UserServiceCalls calls;

  TenantFeatures(TenantFeaturesClient client, UserServiceCalls calls) {
    this.client = client;
    this.calls = calls;
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
    List<TenantFeaturesClient.Flag> flags =
        calls.call(
            "Reading the tenant's feature flags",
            "The company's settings cannot be read right now; try again in a moment",
            client::flags);
    return flags != null
        && flags.stream().anyMatch(f -> flag.equals(f.key()) && Boolean.TRUE.equals(f.value()));
  }
}
