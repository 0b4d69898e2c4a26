package com.chosencrm.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

// No length limit on the password: an over-long one simply does not match.
record LoginRequest(
    @NotBlank(message = "Enter your email address")
        @Size(max = 254, message = "Email must be at most 254 characters")
        String email,
    @NotBlank(message = "Enter your password") String password) {

  @Override
  public String toString() {
    return "LoginRequest[email=" + email + "]";
  }
}
