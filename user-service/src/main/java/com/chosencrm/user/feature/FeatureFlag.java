package com.chosencrm.user.feature;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every feature flag a tenant can have, with its type and default. The registry lives in code, not
 * in the database: a flag is only meaningful where code reads it, so adding one is a code change,
 * and an admin cannot store a key that nothing would ever read.
 */
public enum FeatureFlag {
  LEAD_IMPORT("leadImport", true, "Admins and supervisors can import leads from spreadsheets"),
  ROUND_ROBIN_ASSIGNMENT(
      "roundRobinAssignment", false, "New leads are assigned to agents in turn, automatically"),
  SMS_CAMPAIGNS("smsCampaigns", false, "SMS campaigns can be sent (charged per message)"),
  EMAIL_CAMPAIGNS("emailCampaigns", true, "Email campaigns can be sent"),
  CLICK_TO_CALL("clickToCall", false, "Agents can call a lead from the CRM through RingCentral"),
  AI_COACHING("aiCoaching", false, "Agents get AI-generated coaching insights on their calls"),
  LENDER_MARKETPLACE(
      "lenderMarketplace", false, "Loan officers can match scenarios against lenders' products"),
  MISMO_EXPORT("mismoExport", true, "Loan applications can be exported as MISMO 3.4 files"),
  MAX_USERS("maxUsers", 25, 1, 10_000, "How many active users the tenant may have"),
  DATA_RETENTION_DAYS(
      "dataRetentionDays",
      1095,
      30,
      3650,
      "Days closed leads and call records are kept before they are purged"),
  LEAD_DEDUPE_MATCH(
      "leadDedupeMatch",
      "EMAIL_OR_PHONE",
      List.of("EMAIL", "PHONE", "EMAIL_OR_PHONE", "NONE"),
      "Which details make an imported or new lead a duplicate of an existing one"),
  SCOREBOARD_PERIOD(
      "scoreboardPeriod",
      "WEEKLY",
      List.of("DAILY", "WEEKLY", "MONTHLY"),
      "The period coaching scoreboards and leaderboards rank agents over");

  private static final Map<String, FeatureFlag> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toMap(FeatureFlag::key, Function.identity()));

  private final String key;
  private final FlagType type;
  private final Object defaultValue;
  private final String description;
  private final List<String> allowedValues;
  private final Integer minimum;
  private final Integer maximum;

  FeatureFlag(String key, boolean defaultValue, String description) {
    this(key, FlagType.BOOLEAN, defaultValue, description, null, null, null);
  }

  FeatureFlag(String key, int defaultValue, int minimum, int maximum, String description) {
    this(key, FlagType.INTEGER, defaultValue, description, null, minimum, maximum);
  }

  FeatureFlag(String key, String defaultValue, List<String> allowedValues, String description) {
    this(key, FlagType.STRING, defaultValue, description, allowedValues, null, null);
  }

  FeatureFlag(
      String key,
      FlagType type,
      Object defaultValue,
      String description,
      List<String> allowedValues,
      Integer minimum,
      Integer maximum) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.allowedValues = allowedValues;
    this.minimum = minimum;
    this.maximum = maximum;
  }

  /** The flag's name in the API and in storage, e.g. {@code smsCampaigns}. */
  public String key() {
    return key;
  }

  public FlagType type() {
    return type;
  }

  public Object defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** For {@link FlagType#STRING} flags; null otherwise. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** For {@link FlagType#INTEGER} flags; null otherwise. */
  public Integer minimum() {
    return minimum;
  }

  /** For {@link FlagType#INTEGER} flags; null otherwise. */
  public Integer maximum() {
    return maximum;
  }

  public static Optional<FeatureFlag> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /**
   * The value in the flag's canonical Java type ({@code Boolean}, {@code Integer}, {@code String}),
   * or empty if it is not a value of this flag. Values come from parsed JSON, so numbers may be any
   * {@link Number}.
   */
  public Optional<Object> accept(Object value) {
    return switch (type) {
      case BOOLEAN -> value instanceof Boolean b ? Optional.of(b) : Optional.empty();
      case INTEGER -> wholeNumber(value).filter(n -> n >= minimum && n <= maximum).map(n -> n);
      case STRING ->
          value instanceof String s && allowedValues.contains(s)
              ? Optional.of(s)
              : Optional.empty();
    };
  }

  /** What a valid value looks like, as a field error message. */
  public String expectation() {
    return switch (type) {
      case BOOLEAN -> "must be true or false";
      case INTEGER -> "must be a whole number from " + minimum + " to " + maximum;
      case STRING -> "must be one of " + String.join(", ", allowedValues);
    };
  }

  private static Optional<Integer> wholeNumber(Object value) {
    // Fractions are refused even when whole (25.0): a client sending them has the type wrong.
    // A BigInteger is beyond long, so beyond any flag's maximum.
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long n = ((Number) value).longValue();
      return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE
          ? Optional.of((int) n)
          : Optional.empty();
    }
    return Optional.empty();
  }
}
