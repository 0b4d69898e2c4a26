package com.chosencrm.user.auth;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** 401 for a refresh token that is unknown, expired, spent or revoked: one answer for all. */
class InvalidRefreshTokenException extends ApiException {

  InvalidRefreshTokenException() {
    super(
        HttpStatus.UNAUTHORIZED,
        ProblemTypes.UNAUTHORIZED,
        "Session ended",
        "Your session has ended; sign in again");
  }
}
