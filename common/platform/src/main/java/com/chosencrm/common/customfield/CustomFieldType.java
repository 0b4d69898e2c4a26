package com.chosencrm.common.customfield;

import java.util.Optional;

/** What a custom field holds, and so how its values are checked and normalised. */
public enum CustomFieldType {
  /** Free text, at most {@value CustomFieldChecker#MAX_TEXT_LENGTH} characters. */
  TEXT,
  /** A decimal number. */
  NUMBER,
  /** A calendar date, {@code YYYY-MM-DD}. */
  DATE,
  /** One of the field's options. */
  SELECT,
  /** {@code true} or {@code false}. */
  BOOLEAN;

  /** The type a definition names, if this version knows it. */
  public static Optional<CustomFieldType> parse(String name) {
    for (CustomFieldType type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
