package com.chosencrm.lead.importing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lead fields a column can be mapped to, with the header spellings that map to them without
 * asking. Custom fields are mapped as {@code customFields.<key>}.
 */
enum ImportField {
  FIRST_NAME(
      "firstName",
      "first name",
      "first",
      "fname",
      "given name",
      "forename",
      "borrower first name",
      "first name borrower"),
  LAST_NAME(
      "lastName",
      "last name",
      "last",
      "lname",
      "surname",
      "family name",
      "borrower last name",
      "last name borrower"),
  FULL_NAME(
      "fullName",
      "name",
      "full name",
      "borrower",
      "borrower name",
      "contact",
      "contact name",
      "lead name",
      "client name",
      "customer name",
      "client",
      "customer"),
  EMAIL(
      "email",
      "email",
      "e mail",
      "email address",
      "e mail address",
      "mail",
      "borrower email",
      "contact email",
      "primary email"),
  PHONE(
      "phone",
      "phone",
      "phone number",
      "phone no",
      "mobile",
      "mobile phone",
      "mobile number",
      "cell",
      "cell phone",
      "cellphone",
      "telephone",
      "tel",
      "primary phone",
      "home phone",
      "work phone",
      "contact number",
      "borrower phone"),
  SOURCE("source", "source", "lead source", "origin", "channel", "referral source", "campaign"),
  STATUS("status", "status", "stage", "lead status", "pipeline stage"),
  LOAN_PURPOSE("loanPurpose", "loan purpose", "purpose", "transaction type", "loan reason"),
  LOAN_AMOUNT(
      "loanAmount",
      "loan amount",
      "amount",
      "loan amt",
      "requested amount",
      "loan size",
      "mortgage amount",
      "desired loan amount"),
  PROPERTY_STATE(
      "propertyState", "state", "property state", "st", "subject state", "subject property state"),
  CREDIT_BAND(
      "creditBand",
      "credit",
      "credit band",
      "credit score",
      "fico",
      "fico score",
      "credit rating",
      "credit range",
      "estimated credit"),
  NOTES("notes", "notes", "note", "comments", "comment", "remarks", "description"),
  TAGS("tags", "tags", "tag", "labels", "label", "categories"),
  ASSIGNEE(
      "assignee",
      "assignee",
      "assigned to",
      "owner",
      "loan officer",
      "agent",
      "lo",
      "assignee email",
      "agent email",
      "loan officer email"),
  DO_NOT_CONTACT(
      "doNotContact",
      "do not contact",
      "dnc",
      "do not call",
      "opt out",
      "opted out",
      "unsubscribed"),
  DO_NOT_CONTACT_REASON(
      "doNotContactReason", "do not contact reason", "dnc reason", "opt out reason"),
  CONSENT_GIVEN_AT(
      "consentGivenAt",
      "consent date",
      "consent given at",
      "consent given",
      "opt in date",
      "tcpa consent date",
      "consent at",
      "consent time"),
  CONSENT_METHOD("consentMethod", "consent method", "opt in method", "consent source"),
  CONSENT_TEXT(
      "consentText",
      "consent text",
      "consent language",
      "tcpa text",
      "opt in text",
      "consent statement",
      "tcpa consent");

  static final String CUSTOM_PREFIX = "customFields.";

  private static final Map<String, ImportField> BY_HEADER = new LinkedHashMap<>();
  private static final Map<String, ImportField> BY_NAME = new LinkedHashMap<>();

  static {
    for (ImportField field : values()) {
      BY_NAME.put(field.fieldName, field);
      BY_HEADER.put(normalise(field.fieldName), field);
      for (String spelling : field.spellings) {
        BY_HEADER.putIfAbsent(normalise(spelling), field);
      }
    }
  }

  private final String fieldName;
  private final List<String> spellings;

  ImportField(String fieldName, String... spellings) {
    this.fieldName = fieldName;
    this.spellings = Arrays.asList(spellings);
  }

  /** The name clients use: {@code firstName}, {@code loanAmount}, ... */
  String fieldName() {
    return fieldName;
  }

  static Optional<ImportField> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The field a header means, if it is one of the common spellings. */
  static Optional<ImportField> forHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(normalise(header)));
  }

  static List<String> names() {
    return BY_NAME.keySet().stream().toList();
  }

  /** Lower case, letters and digits only: "E-Mail Address" and "email_address" are the same. */
  static String normalise(String header) {
    if (header == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(header.length());
    for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        key.append(c);
      }
    }
    return key.toString();
  }
}
