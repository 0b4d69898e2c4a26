package com.chosencrm.user.settings;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's company profile. Optimistic locking is by a {@code version} in the body rather than
 * ETag/If-Match: the SPA holds the profile in a form anyway, and a version in the JSON survives
 * proxies and is visible in the API docs. GET returns it; PUT must send it back and answers 409 if
 * someone saved in between.
 */
@RestController
@RequestMapping("/api/settings/tenant")
class TenantSettingsController {

  private final TenantSettingsService settings;

  TenantSettingsController(TenantSettingsService settings) {
    this.settings = settings;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
  TenantSettingsView get(CurrentUser user) {
    return settings.get(user.tenantId());
  }

  @PutMapping
  @ApiResponse(responseCode = "409", description = "The version is stale")
  @PreAuthorize("hasRole('ADMIN')")
  TenantSettingsView update(CurrentUser user, @Valid @RequestBody TenantSettingsRequest request) {
    return settings.update(user, request.toCommand());
  }
}
