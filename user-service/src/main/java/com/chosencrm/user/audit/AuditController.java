package com.chosencrm.user.audit;

import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.paging.PageLimits;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.security.CurrentUser;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's audit trail, for its admins only. */
@RestController
class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * Newest first. {@code from} and {@code to} are ISO-8601 instants ({@code 2025-01-31T00:00:00Z}),
   * from inclusive, to exclusive; {@code cursor} is the {@code nextCursor} of the previous page.
   */
  @GetMapping("/api/settings/audit")
  @PreAuthorize("hasRole('ADMIN')")
  CursorPage<AuditEntry> list(
      CurrentUser user,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) UUID actorId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw InvalidRequestException.field("from", "from must be earlier than to");
    }
    return trail.find(
        user.tenantId(),
        new AuditTrail.Filter(action, actorId, from, to),
        PageLimits.of(limit),
        cursor);
  }
}
