package com.chosencrm.user.platform;

import com.chosencrm.user.tenant.TenantStatus;
import java.time.Instant;
import java.util.UUID;

/** A customer tenant as platform operators see it. */
record TenantSummary(
    UUID id,
    String name,
    TenantStatus status,
    Instant createdAt,
    Instant suspendedAt,
    long userCount) {}
