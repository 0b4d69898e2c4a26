package com.chosencrm.user.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the audit trail as an admin reads it.
 *
 * @param action an {@link AuditAction} name; a string so that entries of actions retired from the
 *     enum still read
 * @param details what the entry recorded, e.g. {@code {"changes": {"timeZone": {"old": ..., "new":
 *     ...}}}}
 * @param requestId the {@code X-Request-Id} of the request that caused it
 */
public record AuditEntry(
    UUID id,
    Instant occurredAt,
    @Nullable UUID actorId,
    @Nullable String actorEmail,
    String action,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable JsonNode details,
    @Nullable String requestId) {}
