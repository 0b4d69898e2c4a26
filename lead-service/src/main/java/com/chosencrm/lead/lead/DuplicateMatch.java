package com.chosencrm.lead.lead;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An existing live lead that a new or changed one shares an email or phone number with. */
public record DuplicateMatch(UUID leadId, Set<MatchedOn> matchedOn) {

  public DuplicateMatch {
    matchedOn = Collections.unmodifiableSet(EnumSet.copyOf(matchedOn));
  }

  public enum MatchedOn {
    EMAIL,
    PHONE
  }
}
