package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import java.util.List;

/**
 * The command to change a custom field: label, options, required and position replace the stored
 * ones.
 *
 * @param key null, or the field's current key (a different key is refused)
 * @param type null, or the field's current type (a different type is refused)
 * @param position null to keep the field where it is
 */
public record CustomFieldChange(
    String key,
    String label,
    CustomFieldType type,
    List<String> options,
    boolean required,
    Integer position) {}
