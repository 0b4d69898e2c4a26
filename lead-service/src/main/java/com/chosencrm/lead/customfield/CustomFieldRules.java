package com.chosencrm.lead.customfield;

import com.chosencrm.common.customfield.CustomFieldChecker;
import com.chosencrm.common.customfield.CustomFieldRule;
import com.chosencrm.common.customfield.CustomFieldType;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the tenant's lead custom fields as user-service defines them, with the platform's
 * one set of rules ({@link CustomFieldChecker}, which user-service applies too): an import checks a
 * million rows without a million calls, and both services accept and refuse the same values.
 */
public final class CustomFieldRules {

  public static final String FIELD_PREFIX = CustomFieldChecker.FIELD_PREFIX;

  private final Map<String, CustomFieldDefinition> definitions = new LinkedHashMap<>();
  private final CustomFieldChecker checker;

  public CustomFieldRules(Collection<CustomFieldDefinition> definitions) {
    definitions.forEach(d -> this.definitions.put(d.key(), d));
    this.checker =
        new CustomFieldChecker(
            "leads",
            definitions.stream()
                .map(
                    d ->
                        new CustomFieldRule(
                            d.key(),
                            CustomFieldType.parse(d.type()).orElse(null),
                            d.options(),
                            d.required()))
                .toList());
  }

  public static CustomFieldRules none() {
    return new CustomFieldRules(List.of());
  }

  public Collection<CustomFieldDefinition> definitions() {
    return definitions.values();
  }

  public Optional<CustomFieldDefinition> definition(String key) {
    return Optional.ofNullable(definitions.get(key));
  }

  /**
   * Checks values.
   *
   * @param complete the values are a lead's whole set, so required fields must be there; false for
   *     a part that is merged into a lead's existing values later
   */
  public CustomFieldChecker.Result check(Map<String, ?> values, boolean complete) {
    return checker.check(values, complete);
  }

  /** Required fields missing from a lead's complete, already normalised values. */
  public List<FieldError> missingRequired(Map<String, ?> values) {
    return checker.missingRequired(values);
  }
}
