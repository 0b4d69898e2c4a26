package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the custom field endpoints. Entity and type arrive as strings so that a wrong
 * one is answered with a field error naming the allowed values, not a generic "invalid JSON".
 */
final class CustomFieldRequests {

  static final String KEY_PATTERN = "[a-z][a-zA-Z0-9_]{0,49}";
  static final String KEY_MESSAGE =
      "Key must start with a lower-case letter and have only letters, digits and underscores"
          + " (at most 50 characters), e.g. loanPurpose or loan_purpose";
  static final String ENTITY_PATTERN = "LEAD|CALL|APPLICATION";
  static final String ENTITY_MESSAGE = "Entity must be LEAD, CALL or APPLICATION";
  static final String TYPE_PATTERN = "TEXT|NUMBER|DATE|SELECT|BOOLEAN";
  static final String TYPE_MESSAGE = "Type must be TEXT, NUMBER, DATE, SELECT or BOOLEAN";

  private CustomFieldRequests() {}

  record Create(
      @NotBlank(message = ENTITY_MESSAGE)
          @Pattern(regexp = ENTITY_PATTERN, message = ENTITY_MESSAGE)
          String entity,
      @NotBlank(message = "Key is required") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE)
          String key,
      @NotBlank(message = "Label is required")
          @Size(max = 100, message = "Label must be at most 100 characters")
          String label,
      @NotBlank(message = TYPE_MESSAGE) @Pattern(regexp = TYPE_PATTERN, message = TYPE_MESSAGE)
          String type,
      List<@Size(max = 100, message = "An option must be at most 100 characters") String> options,
      Boolean required,
      @PositiveOrZero(message = "Position must not be negative")
          @Max(value = 10_000, message = "Position must be at most 10000")
          Integer position) {

    NewCustomField toCommand() {
      return new NewCustomField(
          EntityType.valueOf(entity),
          key,
          label,
          CustomFieldType.valueOf(type),
          options,
          Boolean.TRUE.equals(required),
          position);
    }
  }

  /** Replaces label, options, required and position; key and type may be sent but not changed. */
  record Update(
      @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @NotBlank(message = "Label is required")
          @Size(max = 100, message = "Label must be at most 100 characters")
          String label,
      @Pattern(regexp = TYPE_PATTERN, message = TYPE_MESSAGE) String type,
      List<@Size(max = 100, message = "An option must be at most 100 characters") String> options,
      @NotNull(message = "Say whether the field is required (true or false)") Boolean required,
      @PositiveOrZero(message = "Position must not be negative")
          @Max(value = 10_000, message = "Position must be at most 10000")
          Integer position) {

    CustomFieldChange toCommand() {
      return new CustomFieldChange(
          key,
          label,
          type == null ? null : CustomFieldType.valueOf(type),
          options,
          required,
          position);
    }
  }

  /** What another service sends to have a record's custom field values checked. */
  record Validate(
      @NotBlank(message = ENTITY_MESSAGE)
          @Pattern(regexp = ENTITY_PATTERN, message = ENTITY_MESSAGE)
          String entity,
      @NotNull(message = "Values are required (an object of key to value; may be empty)")
          Map<String, Object> values) {}

  /** The values as they should be stored: only defined keys, normalised. */
  record Validated(EntityType entity, Map<String, Object> values) {}
}
