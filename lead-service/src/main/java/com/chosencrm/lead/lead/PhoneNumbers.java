package com.chosencrm.lead.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as people type them ("(201) 555-0123", "201.555.0123 x12", "+1 201 555 0123") to
 * E.164 ("+12015550123"), the form duplicates are detected on and the call service looks leads up
 * by. Numbers without a country code are read as US numbers.
 */
public final class PhoneNumbers {

  public static final String DEFAULT_REGION = "US";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The E.164 form of a valid number; empty for anything that is not a real number. */
  public static Optional<String> toE164(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 40) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The digits of a search term, for matching against stored numbers. */
  static String digits(String text) {
    return text == null ? "" : text.replaceAll("[^0-9]", "");
  }
}
