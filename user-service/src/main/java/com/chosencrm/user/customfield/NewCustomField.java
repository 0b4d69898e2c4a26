package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import java.util.List;

/**
 * The command to define a custom field.
 *
 * @param options null or empty unless the type is SELECT
 * @param position null to place the field after the entity's last one
 */
public record NewCustomField(
    EntityType entity,
    String key,
    String label,
    CustomFieldType type,
    List<String> options,
    boolean required,
    Integer position) {}
