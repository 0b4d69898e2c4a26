package com.chosencrm.user.platform;

import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.paging.PageLimits;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.tenant.TenantStatus;
import com.chosencrm.user.tenant.TenantView;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform operators' view of customer tenants. */
@RestController
@RequestMapping("/api/platform/tenants")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class PlatformTenantsController {

  private final TenantDirectory directory;
  private final TenantSuspensions suspensions;

  PlatformTenantsController(TenantDirectory directory, TenantSuspensions suspensions) {
    this.directory = directory;
    this.suspensions = suspensions;
  }

  @GetMapping
  CursorPage<TenantSummary> list(
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return directory.page(cursor, PageLimits.of(limit));
  }

  @PostMapping("/{id}/suspend")
  TenantStatusResponse suspend(@PathVariable UUID id, CurrentUser operator) {
    return TenantStatusResponse.of(suspensions.suspend(id, operator));
  }

  @PostMapping("/{id}/reactivate")
  TenantStatusResponse reactivate(@PathVariable UUID id, CurrentUser operator) {
    return TenantStatusResponse.of(suspensions.reactivate(id, operator));
  }

  record TenantStatusResponse(
      UUID id, String name, TenantStatus status, Instant createdAt, Instant suspendedAt) {
    static TenantStatusResponse of(TenantView tenant) {
      return new TenantStatusResponse(
          tenant.id(), tenant.name(), tenant.status(), tenant.createdAt(), tenant.suspendedAt());
    }
  }
}
