package com.chosencrm.user.auth;

import com.chosencrm.user.user.SessionsEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Revokes a user's refresh tokens in the same transaction that ended their sessions. */
@Component
class SessionTermination {

  private final RefreshTokens refreshTokens;

  SessionTermination(RefreshTokens refreshTokens) {
    this.refreshTokens = refreshTokens;
  }

  @EventListener
  void on(SessionsEnded event) {
    refreshTokens.revokeAllOf(event.userId());
  }
}
