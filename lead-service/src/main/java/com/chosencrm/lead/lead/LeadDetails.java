package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.lead.lead.LeadCommands.Consent;
import com.chosencrm.lead.lead.LeadCommands.DetailValues;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.loan.UsStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lead's editable fields, normalised and checked: the one place the rules for names, email,
 * phone, loan and consent live, shared by the API and imports. Problems are collected as field
 * errors rather than thrown, so a form or an import row learns all of them at once.
 */
record LeadDetails(
    String firstName,
    String lastName,
    String email,
    String emailNormalized,
    String phone,
    String phoneE164,
    String source,
    LoanPurpose loanPurpose,
    BigDecimal loanAmount,
    String propertyState,
    CreditBand creditBand,
    String notes,
    List<String> tags,
    ConsentRecord consent) {

  static final int MAX_NAME = 100;
  static final int MAX_EMAIL = 254;
  static final int MAX_SOURCE = 100;
  static final int MAX_NOTES = 10_000;
  static final int MAX_TAGS = 50;
  static final int MAX_TAG = 50;
  static final int MAX_CONSENT_TEXT = 10_000;
  static final int MAX_DNC_REASON = 500;
  static final BigDecimal MAX_LOAN_AMOUNT = new BigDecimal("999999999999.99");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Consent as stored. */
  record ConsentRecord(Instant givenAt, ConsentMethod method, String text) {}

  static LeadDetails from(DetailValues values, Instant now, List<FieldError> errors) {
    String firstName = values.firstName();
    String lastName = values.lastName();
    String email = values.email();
    String phone = values.phone();
    String source = values.source();
    String loanPurpose = values.loanPurpose();
    BigDecimal loanAmount = values.loanAmount();
    String loanCurrency = values.loanCurrency();
    String propertyState = values.propertyState();
    String creditBand = values.creditBand();
    String notes = values.notes();
    List<String> tags = values.tags();
    Consent consent = values.consent();
    String first = text(firstName, "firstName", MAX_NAME, errors);
    String last = text(lastName, "lastName", MAX_NAME, errors);
    if (first == null
        && last == null
        && errors.stream().noneMatch(e -> e.field().endsWith("Name"))) {
      errors.add(new FieldError("lastName", "A lead needs a first or a last name"));
    }
    String cleanEmail = text(email, "email", MAX_EMAIL, errors);
    if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
      errors.add(new FieldError("email", "Not an email address"));
    }
    String cleanPhone = text(phone, "phone", 40, errors);
    String e164 = null;
    if (cleanPhone != null) {
      e164 = PhoneNumbers.toE164(cleanPhone).orElse(null);
      if (e164 == null) {
        errors.add(
            new FieldError(
                "phone",
                "Not a valid phone number; US numbers need 10 digits, others a +country code"));
      }
    }
    LoanPurpose purpose = null;
    if (loanPurpose != null && !loanPurpose.isBlank()) {
      purpose = LoanPurpose.parse(loanPurpose).orElse(null);
      if (purpose == null) {
        errors.add(new FieldError("loanPurpose", "Loan purpose must be " + LoanPurpose.NAMES));
      }
    }
    BigDecimal amount = loanAmount(loanAmount, loanCurrency, errors);
    String state = null;
    if (propertyState != null && !propertyState.isBlank()) {
      state = UsStates.parse(propertyState).orElse(null);
      if (state == null) {
        errors.add(
            new FieldError("propertyState", "Not a US state code (two letters, e.g. TX or DC)"));
      }
    }
    CreditBand band = null;
    if (creditBand != null && !creditBand.isBlank()) {
      band = CreditBand.parse(creditBand).orElse(null);
      if (band == null) {
        errors.add(new FieldError("creditBand", "Credit band must be " + CreditBand.NAMES));
      }
    }
    return new LeadDetails(
        first,
        last,
        cleanEmail,
        cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT),
        cleanPhone,
        e164,
        text(source, "source", MAX_SOURCE, errors),
        purpose,
        amount,
        state,
        band,
        text(notes, "notes", MAX_NOTES, errors),
        tags(tags, errors),
        consent(consent, now, errors));
  }

  private static String text(String value, String field, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(new FieldError(field, "At most " + max + " characters"));
    }
    return stripped;
  }

  private static BigDecimal loanAmount(
      BigDecimal amount, String currency, List<FieldError> errors) {
    if (currency != null && !currency.isBlank() && !"USD".equalsIgnoreCase(currency.strip())) {
      errors.add(new FieldError("loanCurrency", "Loan amounts are in USD"));
    }
    if (amount == null) {
      return null;
    }
    if (amount.signum() < 0) {
      errors.add(new FieldError("loanAmount", "The loan amount must not be negative"));
    } else if (amount.compareTo(MAX_LOAN_AMOUNT) > 0) {
      errors.add(new FieldError("loanAmount", "The loan amount is too large"));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError("loanAmount", "The loan amount has at most 2 decimals (cents)"));
    } else {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
    return null;
  }

  /** Tags are trimmed, lower-cased and de-duplicated, so that filters match however typed. */
  static List<String> tags(List<String> tags, List<FieldError> errors) {
    if (tags == null) {
      return List.of();
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) {
        continue;
      }
      String normalised = tag.strip().toLowerCase(Locale.ROOT);
      if (normalised.length() > MAX_TAG) {
        errors.add(new FieldError("tags", "A tag has at most " + MAX_TAG + " characters"));
        continue;
      }
      clean.add(normalised);
    }
    if (clean.size() > MAX_TAGS) {
      errors.add(new FieldError("tags", "A lead has at most " + MAX_TAGS + " tags"));
    }
    return List.copyOf(clean);
  }

  private static ConsentRecord consent(Consent consent, Instant now, List<FieldError> errors) {
    if (consent == null) {
      return null;
    }
    int before = errors.size();
    if (consent.givenAt() == null) {
      errors.add(new FieldError("consent.givenAt", "Say when consent was given"));
    } else if (consent.givenAt().isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("consent.givenAt", "Consent cannot be given in the future"));
    }
    ConsentMethod method = ConsentMethod.parse(consent.method()).orElse(null);
    if (method == null) {
      errors.add(new FieldError("consent.method", "Method must be " + ConsentMethod.NAMES));
    }
    String text = consent.text() == null ? "" : consent.text().strip();
    if (text.isEmpty()) {
      errors.add(
          new FieldError("consent.text", "Record the consent text the lead was shown or read"));
    } else if (text.length() > MAX_CONSENT_TEXT) {
      errors.add(new FieldError("consent.text", "At most " + MAX_CONSENT_TEXT + " characters"));
    }
    return errors.size() > before ? null : new ConsentRecord(consent.givenAt(), method, text);
  }

  /** A do-not-contact reason, required when the flag is set. */
  static String doNotContactReason(boolean doNotContact, String reason, List<FieldError> errors) {
    String clean = reason == null || reason.isBlank() ? null : reason.strip();
    if (doNotContact && clean == null) {
      errors.add(new FieldError("doNotContactReason", "Say why the lead must not be contacted"));
    }
    if (clean != null && clean.length() > MAX_DNC_REASON) {
      errors.add(new FieldError("doNotContactReason", "At most " + MAX_DNC_REASON + " characters"));
    }
    return doNotContact ? clean : null;
  }

  /** Field errors found by {@link #from} reported as fields of a list entry. */
  static List<FieldError> prefixed(String prefix, List<FieldError> errors) {
    List<FieldError> result = new ArrayList<>();
    errors.forEach(e -> result.add(new FieldError(prefix + e.field(), e.message())));
    return result;
  }
}
