package com.chosencrm.lead.loan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The borrower's credit as a band rather than a score: a loan officer rarely has a pulled score
 * when a lead arrives, and a self-reported band is what lead forms ask for. The bands follow the
 * FICO ranges used in consumer lending.
 */
public enum CreditBand {
  /** 740 and above. */
  EXCELLENT,
  /** 670 to 739. */
  GOOD,
  /** 580 to 669. */
  FAIR,
  /** Below 580. */
  POOR,
  /** Not known yet. */
  UNKNOWN;

  public static final String NAMES = "EXCELLENT, GOOD, FAIR, POOR or UNKNOWN";

  public static Optional<CreditBand> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalised = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(b -> b.name().equals(normalised)).findFirst();
  }

  /** The band of a FICO score (300 to 850). */
  public static CreditBand ofScore(int score) {
    if (score < 300 || score > 850) {
      throw new IllegalArgumentException("A FICO score is between 300 and 850");
    }
    if (score >= 740) {
      return EXCELLENT;
    }
    if (score >= 670) {
      return GOOD;
    }
    return score >= 580 ? FAIR : POOR;
  }
}
