package com.chosencrm.common.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 400 with field errors, for validation done in code (e.g. custom fields checked against the
 * tenant's definitions) rather than by Bean Validation.
 */
public class InvalidRequestException extends ApiException {

  public InvalidRequestException(String detail, List<FieldError> errors) {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.VALIDATION,
        "Validation failed",
        detail,
        Map.of("errors", List.copyOf(errors)));
  }

  public static InvalidRequestException field(String field, String message) {
    return new InvalidRequestException(message, List.of(new FieldError(field, message)));
  }

  /** One entry of a problem's {@code errors} array. */
  public record FieldError(String field, String message) {}
}
