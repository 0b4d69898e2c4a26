package com.chosencrm.lead.customfield;

import java.util.List;

/**
 * A custom field of leads as user-service defines it for the tenant (only what validation and
 * column matching need; unknown members of user-service's answer are ignored).
 *
 * @param type TEXT, NUMBER, DATE, SELECT or BOOLEAN
 * @param options the choices of a SELECT field
 */
public record CustomFieldDefinition(
    String key, String label, String type, List<String> options, boolean required) {

  public CustomFieldDefinition {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
