package com.chosencrm.lead.lead;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a lead gave TCPA consent to be called or texted. Autodialled and prerecorded marketing calls
 * need prior express written consent; the method and the exact text shown are the evidence.
 */
public enum ConsentMethod {
  WEB_FORM,
  PAPER_FORM,
  E_SIGNATURE,
  RECORDED_CALL,
  EMAIL,
  /** Consent collected by a list vendor and carried in an import. */
  IMPORTED,
  OTHER;

  static final String NAMES =
      "WEB_FORM, PAPER_FORM, E_SIGNATURE, RECORDED_CALL, EMAIL, IMPORTED or OTHER";

  static Optional<ConsentMethod> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalised = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(values()).filter(m -> m.name().equals(normalised)).findFirst();
  }
}
