package com.chosencrm.user.auth;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 401 for an unknown email, a wrong password and a deactivated user alike: the answer must not tell
 * an attacker which emails have accounts.
 */
class InvalidCredentialsException extends ApiException {

  InvalidCredentialsException() {
    super(
        HttpStatus.UNAUTHORIZED,
        ProblemTypes.UNAUTHORIZED,
        "Sign-in failed",
        "Invalid email or password");
  }
}
