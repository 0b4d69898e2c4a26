package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldChecker;
import com.chosencrm.common.customfield.CustomFieldRule;
import java.util.Collection;
import java.util.Map;

/**
 * A tenant's custom field rules for one entity type: the platform's {@link CustomFieldChecker}
 * (shared with lead-service, which applies the same rules to imports) over this tenant's
 * definitions. The values checked are the complete set for a record.
 */
public final class CustomFieldValidator {

  public static final String FIELD_PREFIX = CustomFieldChecker.FIELD_PREFIX;
  public static final int MAX_TEXT_LENGTH = CustomFieldChecker.MAX_TEXT_LENGTH;

  private final EntityType entity;
  private final Collection<CustomFieldDefinition> definitions;
  private final CustomFieldChecker checker;

  /**
   * @param definitions the tenant's fields of {@code entity}, in form order
   */
  public CustomFieldValidator(EntityType entity, Collection<CustomFieldDefinition> definitions) {
    for (CustomFieldDefinition definition : definitions) {
      if (definition.entity() != entity) {
        throw new IllegalArgumentException(
            "Definition "
                + definition.key()
                + " is for "
                + definition.entity()
                + ", not "
                + entity);
      }
    }
    this.entity = entity;
    this.definitions = definitions;
    this.checker =
        new CustomFieldChecker(
            entity.plural(),
            definitions.stream()
                .map(d -> new CustomFieldRule(d.key(), d.type(), d.options(), d.required()))
                .toList());
  }

  /** Checks without throwing; the result's values are only meaningful if it is valid. */
  public CustomFieldChecker.Result check(Map<String, ?> values) {
    return checker.check(values, true);
  }

  /**
   * The normalised values.
   *
   * @throws com.chosencrm.common.problem.InvalidRequestException (400) with a field error per
   *     problem
   */
  public Map<String, Object> validate(Map<String, ?> values) {
    return checker.validate(values);
  }

  /** For callers that want to show the entity's name in their own messages. */
  public EntityType entity() {
    return entity;
  }

  @Override
  public String toString() {
    return "CustomFieldValidator["
        + entity
        + " "
        + definitions.stream().map(CustomFieldDefinition::key).toList()
        + "]";
  }
}
