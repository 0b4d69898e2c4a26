package com.chosencrm.lead.loan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * USPS codes of the places a US mortgage can be secured on: the 50 states, the District of Columbia
 * and the inhabited territories.
 */
public final class UsStates {

  private static final Set<String> CODES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
          "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
          "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
          "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP");

  private UsStates() {}

  /** The upper-case code, if the value is one (any case, surrounding blanks ignored). */
  public static Optional<String> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String code = value.strip().toUpperCase(Locale.ROOT);
    return CODES.contains(code) ? Optional.of(code) : Optional.empty();
  }
}
