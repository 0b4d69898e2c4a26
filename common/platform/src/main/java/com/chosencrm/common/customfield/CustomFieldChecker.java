package com.chosencrm.common.customfield;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one set of custom field rules: checks a record's values against a tenant's fields of one
 * entity type and brings them to one form (numbers as decimals, dates as {@code YYYY-MM-DD}, select
 * values in the option's own spelling, booleans as booleans). user-service applies it behind {@code
 * POST /api/settings/custom-fields/validate}; lead-service applies it to a snapshot of the
 * definitions so that an import checks a million rows without a million calls. Needs no Spring,
 * database or network.
 *
 * <p>Keys that are not defined are errors, so a typo never stores data nobody can see. A required
 * field that is missing, null or blank is an error when the values are a record's complete set.
 * Errors name the field {@code customFields.<key>}, the path of the value in the owning service's
 * request body, so that a client can show the message next to the input.
 */
public final class CustomFieldChecker {

  public static final String FIELD_PREFIX = "customFields.";
  public static final int MAX_TEXT_LENGTH = 1000;

  private final String ownerPlural;
  private final Map<String, CustomFieldRule> rules = new LinkedHashMap<>();

  /**
   * @param ownerPlural what the fields belong to, for messages ("leads")
   * @param rules the tenant's fields of that entity, in form order
   */
  public CustomFieldChecker(String ownerPlural, Collection<CustomFieldRule> rules) {
    this.ownerPlural = ownerPlural;
    rules.forEach(rule -> this.rules.put(rule.key(), rule));
  }

  /** The outcome of a check: the normalised values, and what is wrong if anything. */
  public record Result(Map<String, Object> values, List<FieldError> errors) {

    public Result {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      errors = List.copyOf(errors);
    }

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * Checks without throwing; the result's values are only meaningful if it is valid.
   *
   * @param complete the values are a record's whole set, so required fields must be there; false
   *     for a part that is merged into a record's existing values later
   */
  public Result check(Map<String, ?> values, boolean complete) {
    Map<String, ?> given = values == null ? Map.of() : values;
    Map<String, Object> normalized = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (String key : given.keySet()) {
      if (!rules.containsKey(key)) {
        errors.add(error(key, "is not a custom field of " + ownerPlural));
      }
    }
    for (CustomFieldRule rule : rules.values()) {
      Object raw = given.get(rule.key());
      if (isAbsent(raw)) {
        if (complete && rule.required()) {
          errors.add(error(rule.key(), "is required"));
        }
        continue;
      }
      normalize(rule, raw)
          .ifPresentOrElse(
              value -> normalized.put(rule.key(), value),
              () -> errors.add(error(rule.key(), expectation(rule))));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return new Result(normalized, errors);
  }

  /**
   * A record's complete values, normalised.
   *
   * @throws InvalidRequestException (400) with a field error per problem
   */
  public Map<String, Object> validate(Map<String, ?> values) {
    Result result = check(values, true);
    if (!result.isValid()) {
      List<FieldError> errors = result.errors();
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " custom fields are not valid",
          errors);
    }
    return result.values();
  }

  /** Required fields missing from a record's complete, already normalised values. */
  public List<FieldError> missingRequired(Map<String, ?> values) {
    List<FieldError> errors = new ArrayList<>();
    for (CustomFieldRule rule : rules.values()) {
      if (rule.required() && isAbsent(values.get(rule.key()))) {
        errors.add(error(rule.key(), "is required"));
      }
    }
    return errors;
  }

  private static boolean isAbsent(Object raw) {
    return raw == null || raw instanceof String s && s.isBlank();
  }

  private static Optional<Object> normalize(CustomFieldRule rule, Object raw) {
    if (rule.type() == null) {
      return Optional.empty();
    }
    return switch (rule.type()) {
      case TEXT ->
          raw instanceof String s && s.strip().length() <= MAX_TEXT_LENGTH
              ? Optional.of(s.strip())
              : Optional.empty();
      case NUMBER -> number(raw).map(n -> n);
      case DATE -> date(raw).map(d -> d);
      case SELECT -> option(rule.options(), raw).map(o -> o);
      case BOOLEAN -> bool(raw).map(b -> b);
    };
  }

  private static String expectation(CustomFieldRule rule) {
    if (rule.type() == null) {
      return "has a type this service does not know yet";
    }
    return switch (rule.type()) {
      case TEXT -> "must be text of at most " + MAX_TEXT_LENGTH + " characters";
      case NUMBER -> "must be a number";
      case DATE -> "must be a date in the form YYYY-MM-DD";
      case SELECT -> "must be one of " + String.join(", ", rule.options());
      case BOOLEAN -> "must be true or false";
    };
  }

  // Forms send numbers as strings as often as as numbers; both are accepted.
  private static Optional<BigDecimal> number(Object raw) {
    try {
      return switch (raw) {
        case BigDecimal d -> Optional.of(d);
        case BigInteger i -> Optional.of(new BigDecimal(i));
        case Double d when Double.isFinite(d) -> Optional.of(BigDecimal.valueOf(d));
        case Float f when Float.isFinite(f) -> Optional.of(new BigDecimal(f.toString()));
        case Integer i -> Optional.of(BigDecimal.valueOf(i));
        case Long l -> Optional.of(BigDecimal.valueOf(l));
        case Short s -> Optional.of(BigDecimal.valueOf(s));
        case String s -> Optional.of(new BigDecimal(s.strip()));
        default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> date(Object raw) {
    if (!(raw instanceof String s)) {
      return Optional.empty();
    }
    try {
      // ISO_LOCAL_DATE resolves strictly: 2024-02-30 is refused, not moved to March.
      return Optional.of(LocalDate.parse(s.strip()).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> option(List<String> options, Object raw) {
    if (!(raw instanceof String s)) {
      return Optional.empty();
    }
    String value = s.strip();
    return options.stream()
        .filter(option -> option.equals(value))
        .findFirst()
        .or(() -> options.stream().filter(option -> option.equalsIgnoreCase(value)).findFirst());
  }

  private static Optional<Boolean> bool(Object raw) {
    return switch (raw) {
      case Boolean b -> Optional.of(b);
      case String s when s.strip().equalsIgnoreCase("true") -> Optional.of(true);
      case String s when s.strip().equalsIgnoreCase("false") -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static FieldError error(String key, String message) {
    return new FieldError(FIELD_PREFIX + key, message);
  }
}
