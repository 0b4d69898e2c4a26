package com.chosencrm.user.auth;

import com.chosencrm.user.auth.RefreshTokens.IssuedRefreshToken;
import com.chosencrm.user.signing.AccessTokenIssuer.IssuedAccessToken;
import com.chosencrm.user.user.UserAccount;

/** What a successful sign-up, login or refresh hands back: both tokens and who they are for. */
record AuthSession(
    IssuedAccessToken accessToken, IssuedRefreshToken refreshToken, UserAccount user) {

  // Never let a log line carry the tokens.
  @Override
  public String toString() {
    return "AuthSession[user=" + user.id() + ", family=" + refreshToken.familyId() + "]";
  }
}
