package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A custom field of one entity type in one tenant, as clients and other services see it.
 *
 * @param key the name values are stored under in the owning service, e.g. {@code loanPurpose}
 * @param options the choices of a {@link CustomFieldType#SELECT} field; empty for other types
 * @param position where the field appears in forms, lowest first
 */
public record CustomFieldDefinition(
    UUID id,
    EntityType entity,
    String key,
    String label,
    CustomFieldType type,
    List<String> options,
    boolean required,
    int position,
    Instant createdAt,
    Instant updatedAt) {

  public CustomFieldDefinition {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
