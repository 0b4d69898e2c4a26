package com.chosencrm.lead.lead;

import com.chosencrm.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Merging a duplicate into the lead in the path, which survives. */
@RestController
class LeadMergeController {

  private final LeadMerger merger;

  LeadMergeController(LeadMerger merger) {
    this.merger = merger;
  }

  @PostMapping("/api/leads/{id}/merge")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  LeadView merge(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody LeadRequests.Merge request) {
    return merger.merge(user, id, request.duplicateId(), request.choices());
  }
}
