package com.chosencrm.user.feature;

import com.chosencrm.common.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's feature flags: everyone reads them (the SPA hides what is off), admins set them. */
@RestController
@RequestMapping("/api/settings/features")
class FeatureFlagsController {

  private final FeatureFlagService flags;

  FeatureFlagsController(FeatureFlagService flags) {
    this.flags = flags;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
  List<FeatureFlagView> list(CurrentUser user) {
    return flags.list(user.tenantId());
  }

  /**
   * A partial update: {@code {"smsCampaigns": true, "maxUsers": 40}}. Flags not named keep their
   * value; {@code null} resets one to its default.
   */
  @PutMapping
  @PreAuthorize("hasRole('ADMIN')")
  List<FeatureFlagView> update(CurrentUser user, @RequestBody Map<String, Object> values) {
    return flags.update(user, values);
  }
}
