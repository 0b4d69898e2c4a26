package com.chosencrm.user.customfield;

import java.util.Locale;

/** The records, owned by other services, that a tenant can extend with custom fields. */
public enum EntityType {
  LEAD,
  CALL,
  APPLICATION;

  /** As a user says it in a sentence: "leads". */
  public String plural() {
    return name().toLowerCase(Locale.ROOT) + "s";
  }
}
