package com.chosencrm.user.auth;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 403 for a user whose tenant a platform operator suspended. Only given once the caller has proved
 * who they are (right password, or a valid refresh token); before that the answer is the generic
 * 401.
 */
class TenantSuspendedException extends ApiException {

  TenantSuspendedException() {
    super(
        HttpStatus.FORBIDDEN,
        ProblemTypes.of("tenant-suspended"),
        "Tenant suspended",
        "This account's organisation is suspended");
  }
}
