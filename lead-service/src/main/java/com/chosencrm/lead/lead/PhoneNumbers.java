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
    PhoneNumber plain = plainNorthAmerican(raw);
    if (plain != null) {
      return UTIL.isValidNumber(plain)
          ? Optional.of(UTIL.format(plain, PhoneNumberFormat.E164))
          : Optional.empty();
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

  /**
   * The number of what most imported cells hold, "(201) 555-0123", "201.555.0123", "2015550123",
   * "+1 201 555 0123", "1-201-555-0123": ten digits of a North American number, the first 2 to 9,
   * after an optional +1 or 1, among spaces, dashes, dots and parentheses. What {@code parse} makes
   * of them, read directly: parsing is most of the cost of a number (regular expressions over the
   * text), and an import reads a million. Anything else (letters, an extension, other countries,
   * other lengths) is null and left to {@code parse}.
   */
  static PhoneNumber plainNorthAmerican(String raw) {
    long national = 0;
    int digits = 0;
    boolean plus = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 11) {
          return null;
        }
        national = national * 10 + (c - '0');
      } else if (c == '+') {
        if (plus || digits > 0) {
          return null;
        }
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    if (digits == 11 && national / 10_000_000_000L == 1) {
      national -= 10_000_000_000L;
    } else if (digits != 10 || plus) {
      return null;
    }
    if (national < 2_000_000_000L) {
      return null;
    }
    return new PhoneNumber().setCountryCode(1).setNationalNumber(national);
  }

  /** The digits of a search term, for matching against stored numbers. */
  static String digits(String text) {
    return text == null ? "" : text.replaceAll("[^0-9]", "");
  }
}
