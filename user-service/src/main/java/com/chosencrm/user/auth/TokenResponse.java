package com.chosencrm.user.auth;

import com.chosencrm.user.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The answer to sign-up, login and refresh (shaped like an OAuth 2 token response). */
record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    Instant refreshExpiresAt,
    UserSummary user) {

  record UserSummary(
      UUID id,
      UUID tenantId,
      String email,
      String firstName,
      String lastName,
      List<String> roles,
      @Nullable UUID teamId) {

    static UserSummary of(UserAccount account) {
      return new UserSummary(
          account.id(),
          account.tenantId(),
          account.email(),
          account.firstName(),
          account.lastName(),
          account.roleNames().stream().sorted().toList(),
          account.teamId());
    }
  }

  static TokenResponse of(AuthSession session) {
    long millisLeft = Duration.between(Instant.now(), session.accessToken().expiresAt()).toMillis();
    return new TokenResponse(
        session.accessToken().token(),
        "Bearer",
        Math.max(0, (millisLeft + 999) / 1000),
        session.refreshToken().token(),
        session.refreshToken().expiresAt(),
        UserSummary.of(session.user()));
  }

  @Override
  public String toString() {
    return "TokenResponse[user=" + user.id() + "]";
  }
}
