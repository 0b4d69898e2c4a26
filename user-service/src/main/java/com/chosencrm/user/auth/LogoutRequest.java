package com.chosencrm.user.auth;

/** Optional body of a logout: the refresh token whose session should end too. */
record LogoutRequest(String refreshToken) {

  @Override
  public String toString() {
    return "LogoutRequest[***]";
  }
}
