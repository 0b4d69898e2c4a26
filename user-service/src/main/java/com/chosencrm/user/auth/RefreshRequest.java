package com.chosencrm.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshRequest(
    @NotBlank(message = "Send the refresh token you were given at sign-in")
        @Size(max = 512, message = "This is not a refresh token")
        String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[***]";
  }
}
