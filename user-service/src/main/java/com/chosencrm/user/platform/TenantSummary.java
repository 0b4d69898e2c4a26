package com.chosencrm.user.platform;

import com.chosencrm.user.tenant.TenantStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer tenant as platform operators see it. */
record TenantSummary(
    UUID id,
    String name,
    TenantStatus status,
    Instant createdAt,
    @Nullable Instant suspendedAt,
    long userCount) {}
