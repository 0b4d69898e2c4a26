package com.chosencrm.user.customfield;

/** What a custom field holds, and so how its values are checked and normalised. */
public enum CustomFieldType {
  /** Free text, at most {@value CustomFieldValidator#MAX_TEXT_LENGTH} characters. */
  TEXT,
  /** A decimal number. */
  NUMBER,
  /** A calendar date, {@code YYYY-MM-DD}. */
  DATE,
  /** One of the field's options. */
  SELECT,
  /** {@code true} or {@code false}. */
  BOOLEAN
}
