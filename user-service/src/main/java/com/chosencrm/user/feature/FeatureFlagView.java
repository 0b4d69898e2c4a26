package com.chosencrm.user.feature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A flag as a tenant sees it: the value in effect and what values it may take.
 *
 * @param overridden whether an admin has set it; if not, {@code value} is the default
 * @param updatedAt when an admin last set it; null while it has its default
 */
public record FeatureFlagView(
    String key,
    FlagType type,
    Object value,
    Object defaultValue,
    String description,
    @Nullable List<String> allowedValues,
    @Nullable Integer minimum,
    @Nullable Integer maximum,
    boolean overridden,
    @Nullable Instant updatedAt,
    @Nullable UUID updatedBy) {}
