package com.chosencrm.user.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as the rest of the service sees it. */
public record TenantView(
    UUID id, String name, TenantStatus status, Instant createdAt, Instant suspendedAt) {

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
