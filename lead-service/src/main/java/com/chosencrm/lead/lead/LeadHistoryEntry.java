package com.chosencrm.lead.lead;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a lead's history.
 *
 * @param action CREATED, IMPORTED (new value: {@code importId}, and {@code assigneeId} when the
 *     import assigned the lead), UPDATED, STATUS_CHANGED, ASSIGNED, DO_NOT_CONTACT_CHANGED,
 *     DELETED, RESTORED, MERGED or MERGED_INTO
 * @param field the changed field, for UPDATED, STATUS_CHANGED, ASSIGNED, DO_NOT_CONTACT_CHANGED
 * @param actorId who made the change (null for the system, e.g. an assignment rule)
 * @param actorName their name as lead-service last heard it from user-service, if known
 * @param requestId the request that made it, to find it in the logs
 * @param mergedFromLeadId set on entries that came with a duplicate merged into this lead
 */
public record LeadHistoryEntry(
    UUID id,
    String action,
    @Nullable String field,
    @Nullable JsonNode oldValue,
    @Nullable JsonNode newValue,
    @Nullable UUID actorId,
    @Nullable String actorName,
    @Nullable String reason,
    @Nullable String requestId,
    Instant occurredAt,
    @Nullable UUID mergedFromLeadId) {}
