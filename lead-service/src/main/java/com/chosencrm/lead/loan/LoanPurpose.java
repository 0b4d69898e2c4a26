package com.chosencrm.lead.loan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the borrower wants the mortgage for. */
public enum LoanPurpose {
  PURCHASE,
  REFINANCE,
  /** A refinance that takes equity out as cash. */
  CASH_OUT,
  /** A home equity line of credit, usually a second lien. */
  HELOC;

  public static final String NAMES = "PURCHASE, REFINANCE, CASH_OUT or HELOC";

  /** Case-insensitive, tolerating "cash out" and "cash-out". */
  public static Optional<LoanPurpose> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalised = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(values()).filter(p -> p.name().equals(normalised)).findFirst();
  }
}
