package com.chosencrm.common.security;

import com.chosencrm.common.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filter chain as problem+json, like every other error. */
class ProblemSecurityHandlers {

  private final JsonMapper json;

  ProblemSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      // Deliberately one answer for missing, malformed, expired and revoked tokens.
      response.setHeader("WWW-Authenticate", "Bearer");
      write(
          response,
          Problems.of(HttpStatus.UNAUTHORIZED, "A valid access token is required; sign in again"));
    };
  }

  AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) ->
        write(response, Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this action"));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.asMap(problem));
  }
}
