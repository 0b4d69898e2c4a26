package com.chosencrm.common.problem;

import org.springframework.http.HttpStatus;

/** 422: well-formed, but a rule of the domain forbids it (e.g. removing the last admin). */
public class BusinessRuleException extends ApiException {

  public BusinessRuleException(String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.BUSINESS_RULE, "Not allowed", detail);
  }
}
