package com.chosencrm.common.customfield;

import java.util.List;

/**
 * What checking a custom field's value needs of its definition.
 *
 * @param type null when the definition names a type this version does not know (a newer
 *     user-service): every value is then refused rather than stored unchecked
 * @param options the choices of a SELECT field
 */
public record CustomFieldRule(
    String key, CustomFieldType type, List<String> options, boolean required) {

  public CustomFieldRule {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
