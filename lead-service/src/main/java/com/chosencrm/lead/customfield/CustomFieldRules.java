package com.chosencrm.lead.customfield;

import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * user-service's custom field rules (its {@code CustomFieldValidator}), applied here to a snapshot
 * of the tenant's definitions so that an import checks a million rows without a million calls. The
 * rules must stay the same as there: types TEXT (at most 1000 characters, stripped), NUMBER
 * (decimal), DATE ({@code YYYY-MM-DD}, strict), SELECT (an option, exact spelling first, then
 * ignoring case), BOOLEAN; keys that are not defined and missing required values are errors named
 * {@code customFields.<key>}. {@code CustomFieldRulesTests} pins the same cases as user-service's
 * tests.
 */
public final class CustomFieldRules {

  public static final String FIELD_PREFIX = "customFields.";
  public static final int MAX_TEXT_LENGTH = 1000;

  private final Map<String, CustomFieldDefinition> definitions = new LinkedHashMap<>();

  public CustomFieldRules(Collection<CustomFieldDefinition> definitions) {
    definitions.forEach(d -> this.definitions.put(d.key(), d));
  }

  public static CustomFieldRules none() {
    return new CustomFieldRules(List.of());
  }

  public Collection<CustomFieldDefinition> definitions() {
    return definitions.values();
  }

  public Optional<CustomFieldDefinition> definition(String key) {
    return Optional.ofNullable(definitions.get(key));
  }

  /** The normalised values, or what is wrong. */
  public record Result(Map<String, Object> values, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * Checks values.
   *
   * @param complete the values are a lead's whole set, so required fields must be there; false for
   *     a part that is merged into a lead's existing values later
   */
  public Result check(Map<String, ?> values, boolean complete) {
    Map<String, ?> given = values == null ? Map.of() : values;
    Map<String, Object> normalized = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (String key : given.keySet()) {
      if (!definitions.containsKey(key)) {
        errors.add(error(key, "is not a custom field of leads"));
      }
    }
    for (CustomFieldDefinition definition : definitions.values()) {
      Object raw = given.get(definition.key());
      if (isAbsent(raw)) {
        if (complete && definition.required()) {
          errors.add(error(definition.key(), "is required"));
        }
        continue;
      }
      normalize(definition, raw)
          .ifPresentOrElse(
              value -> normalized.put(definition.key(), value),
              () -> errors.add(error(definition.key(), expectation(definition))));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return new Result(normalized, errors);
  }

  /** Required fields missing from a lead's complete, already normalised values. */
  public List<FieldError> missingRequired(Map<String, ?> values) {
    List<FieldError> errors = new ArrayList<>();
    for (CustomFieldDefinition definition : definitions.values()) {
      if (definition.required() && isAbsent(values.get(definition.key()))) {
        errors.add(error(definition.key(), "is required"));
      }
    }
    return errors;
  }

  private static boolean isAbsent(Object raw) {
    return raw == null || raw instanceof String s && s.isBlank();
  }

  private static Optional<Object> normalize(CustomFieldDefinition definition, Object raw) {
    return switch (definition.type()) {
      case "TEXT" ->
          raw instanceof String s && s.strip().length() <= MAX_TEXT_LENGTH
              ? Optional.of(s.strip())
              : Optional.empty();
      case "NUMBER" -> number(raw).map(n -> n);
      case "DATE" -> date(raw).map(d -> d);
      case "SELECT" -> option(definition.options(), raw).map(o -> o);
      case "BOOLEAN" -> bool(raw).map(b -> b);
      default -> Optional.empty();
    };
  }

  private static String expectation(CustomFieldDefinition definition) {
    return switch (definition.type()) {
      case "TEXT" -> "must be text of at most " + MAX_TEXT_LENGTH + " characters";
      case "NUMBER" -> "must be a number";
      case "DATE" -> "must be a date in the form YYYY-MM-DD";
      case "SELECT" -> "must be one of " + String.join(", ", definition.options());
      case "BOOLEAN" -> "must be true or false";
      default -> "has a type this service does not know (" + definition.type() + ")";
    };
  }

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
