package com.chosencrm.lead.lead;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One action on many leads: supervisors on their team's, admins on the tenant's. */
@RestController
class LeadBulkController {

  private final LeadBulkActions bulk;

  LeadBulkController(LeadBulkActions bulk) {
    this.bulk = bulk;
  }

  @PostMapping("/api/leads/bulk")
  @ApiResponse(responseCode = "422", description = "More leads match than one action may change")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  LeadBulkActions.BulkResult apply(
      CurrentUser user, @Valid @RequestBody LeadRequests.Bulk request) {
    return bulk.apply(user, request.toAction());
  }
}
