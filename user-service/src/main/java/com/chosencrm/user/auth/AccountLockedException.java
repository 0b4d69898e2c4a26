package com.chosencrm.user.auth;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 429 while an email is locked after repeated failures. Given for unknown emails too, so the lock
 * reveals nothing; the detail names no email.
 */
class AccountLockedException extends ApiException {

  private final long retryAfterSeconds;

  AccountLockedException(Duration retryAfter) {
    this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
  }

  private AccountLockedException(long retryAfterSeconds) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        ProblemTypes.TOO_MANY_REQUESTS,
        "Too many failed sign-in attempts",
        "Too many failed sign-in attempts. Try again later.",
        Map.of("retryAfterSeconds", retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
