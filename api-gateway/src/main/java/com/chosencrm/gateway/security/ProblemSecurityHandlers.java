package com.chosencrm.gateway.security;

import com.chosencrm.gateway.problem.GatewayProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401 and 403 from the edge as problem+json, worded like the services'. */
final class ProblemSecurityHandlers {

  private ProblemSecurityHandlers() {}

  static ServerAuthenticationEntryPoint entryPoint(GatewayProblems problems) {
    // Deliberately one answer for missing, malformed, expired and revoked tokens.
    return (exchange, e) -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      return problems.write(
          exchange, HttpStatus.UNAUTHORIZED, "A valid access token is required; sign in again");
    };
  }

  static ServerAccessDeniedHandler accessDeniedHandler(GatewayProblems problems) {
    return (exchange, e) ->
        problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this action");
  }
}
