package com.chosencrm.common.problem;

import org.springframework.http.HttpStatus;

/**
 * 404. Also the answer for another tenant's id, so that its existence is never revealed: callers
 * pass only what they asked for, never why it is missing.
 */
public class NotFoundException extends ApiException {

  public NotFoundException(String what, Object id) {
    super(
        HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " " + id + " not found");
  }
}
