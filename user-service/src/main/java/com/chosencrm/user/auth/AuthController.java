package com.chosencrm.user.auth;

import com.chosencrm.common.problem.Problems;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.UserAccounts;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, login, token refresh, logout and "who am I". */
@RestController
@RequestMapping("/api/auth")
class AuthController {

  private final RegistrationService registration;
  private final LoginService login;
  private final SessionService sessions;
  private final UserAccounts users;
  private final Tenants tenants;

  AuthController(
      RegistrationService registration,
      LoginService login,
      SessionService sessions,
      UserAccounts users,
      Tenants tenants) {
    this.registration = registration;
    this.login = login;
    this.sessions = sessions;
    this.users = users;
    this.tenants = tenants;
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "409", description = "The email is taken")
  ResponseEntity<TokenResponse> register(@Valid @RequestBody RegisterRequest request) {
    return ResponseEntity.created(URI.create("/api/auth/me"))
        .cacheControl(CacheControl.noStore())
        .body(TokenResponse.of(registration.register(request)));
  }

  @PostMapping("/login")
  @ApiResponse(
      responseCode = "401",
      description = "Unknown email, wrong password or deactivated user")
  @ApiResponse(responseCode = "403", description = "The tenant is suspended")
  @ApiResponse(
      responseCode = "429",
      description = "Locked after failed attempts",
      headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds until unlocked"))
  ResponseEntity<TokenResponse> login(
      @Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    AuthSession session = login.login(request.email(), request.password(), http.getRemoteAddr());
    return tokens(session);
  }

  @PostMapping("/refresh")
  @ApiResponse(responseCode = "401", description = "The refresh token is spent, expired or revoked")
  @ApiResponse(responseCode = "403", description = "The tenant is suspended")
  ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
    return tokens(sessions.refresh(request.refreshToken()));
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(CurrentUser caller, @RequestBody(required = false) LogoutRequest request) {
    sessions.logout(caller, request == null ? null : request.refreshToken());
  }

  @GetMapping("/me")
  MeResponse me(CurrentUser caller) {
    return MeResponse.of(
        users.get(caller.tenantId(), caller.userId()), tenants.get(caller.tenantId()));
  }

  /** The platform's problem answer, plus the Retry-After header clients and proxies act on. */
  @ExceptionHandler(AccountLockedException.class)
  ResponseEntity<ProblemDetail> locked(AccountLockedException e) {
    ProblemDetail problem = Problems.of(e.status(), e.getMessage());
    problem.setType(e.type());
    problem.setTitle(e.title());
    e.properties().forEach(problem::setProperty);
    return ResponseEntity.status(e.status())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  // Tokens must not be kept by browsers or proxies (RFC 6749, section 5.1).
  private static ResponseEntity<TokenResponse> tokens(AuthSession session) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(session));
  }
}
