package com.chosencrm.common.problem;

import org.springframework.http.HttpStatus;

/** 409: the request clashes with the current state (a duplicate, a stale version). */
public class ConflictException extends ApiException {

  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
