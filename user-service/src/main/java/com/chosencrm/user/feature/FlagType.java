package com.chosencrm.user.feature;

/** What values a feature flag takes. */
public enum FlagType {
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A whole number within the flag's minimum and maximum. */
  INTEGER,
  /** One of the flag's allowed values. */
  STRING
}
