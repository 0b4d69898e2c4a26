package com.chosencrm.lead.customfield;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a lead's custom field values against the tenant's definitions, which user-service owns, by
 * calling {@code POST /api/settings/custom-fields/validate} with the caller's own token (so
 * user-service applies its own tenancy and role checks). Required fields are enforced there, so the
 * call is made even for a lead without custom values.
 *
 * <p>The token is the one of the request being served. Work running outside a request (an import on
 * a background thread) must run with the importing user's authentication in the security context.
 */
@Service
public class CustomFieldValidation {

  private static final Logger log = LoggerFactory.getLogger(CustomFieldValidation.class);
  private static final String FIELD_PREFIX = "customFields.";
  private static final String UNAVAILABLE =
      "Custom fields cannot be checked right now; try again in a moment";

  private final CustomFieldsClient client;
  private final UserServiceCalls calls;
  private final JsonMapper json;

  CustomFieldValidation(CustomFieldsClient client, UserServiceCalls calls, JsonMapper json) {
    this.client = client;
    this.calls = calls;
    this.json = json;
  }

  /** The outcome for one set of values: normalised values, or the field errors. */
  public record Outcome(Map<String, Object> values, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * @return the values as user-service normalised them
   * @throws InvalidRequestException (400) with {@code customFields.<key>} field errors
   * @throws ApiException (503) if user-service cannot answer
   */
  public Map<String, Object> validate(Map<String, Object> values) {
    Outcome outcome = check(values);
    if (!outcome.isValid()) {
      List<FieldError> errors = outcome.errors();
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " custom fields are not valid",
          errors);
    }
    return outcome.values();
  }

  /** Like {@link #validate} but answers invalid values as an outcome, for batches. */
  public Outcome check(Map<String, Object> values) {
    Map<String, Object> request = values == null ? Map.of() : new LinkedHashMap<>(values);
    return calls.call(
        "Custom field validation",
        UNAVAILABLE,
        authorization -> {
          try {
            CustomFieldsClient.Validated validated =
                client.validate(authorization, new CustomFieldsClient.Validate("LEAD", request));
            Map<String, Object> normalised =
                validated == null || validated.values() == null ? Map.of() : validated.values();
            return new Outcome(new LinkedHashMap<>(normalised), List.of());
          } catch (HttpClientErrorException.BadRequest e) {
            return new Outcome(Map.of(), fieldErrors(e));
          }
        });
  }

  /**
   * The tenant's LEAD field definitions, for validating many leads locally ({@link
   * CustomFieldRules}): an import asks once, not once per row.
   *
   * @throws ApiException (503) if user-service cannot answer
   */
  public List<CustomFieldDefinition> definitions() {
    return calls.call(
        "Reading custom field definitions",
        UNAVAILABLE,
        authorization -> {
          List<CustomFieldDefinition> found = client.definitions(authorization, "LEAD");
          return found == null ? List.of() : List.copyOf(found);
        });
  }

  private List<FieldError> fieldErrors(HttpClientErrorException e) {
    List<FieldError> errors = new ArrayList<>();
    try {
      JsonNode problem = json.readTree(e.getResponseBodyAsString());
      for (JsonNode error : problem.path("errors")) {
        String field = error.path("field").asString("");
        if (!field.startsWith(FIELD_PREFIX)) {
          field = FIELD_PREFIX + field;
        }
        errors.add(new FieldError(field, error.path("message").asString("is not valid")));
      }
    } catch (RuntimeException unreadable) {
      log.warn("Unreadable answer from custom field validation: {}", unreadable.getMessage());
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError("customFields", "Custom fields are not valid"));
    }
    return errors;
  }
}
