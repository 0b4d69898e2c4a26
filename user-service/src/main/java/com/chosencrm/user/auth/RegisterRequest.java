package com.chosencrm.user.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Sign-up of a new tenant and its first admin. The password rules are in {@link PasswordPolicy}.
 */
record RegisterRequest(
    @NotBlank(message = "Enter your company's name")
        @Size(max = 200, message = "Company name must be at most 200 characters")
        String companyName,
    @NotBlank(message = "Enter your first name")
        @Size(max = 100, message = "First name must be at most 100 characters")
        String firstName,
    @NotBlank(message = "Enter your last name")
        @Size(max = 100, message = "Last name must be at most 100 characters")
        String lastName,
    @NotBlank(message = "Enter your email address")
        @Email(message = "Enter a valid email address")
        @Size(max = 254, message = "Email must be at most 254 characters")
        String email,
    @NotBlank(message = "Choose a password") String password) {

  @Override
  public String toString() {
    return "RegisterRequest[companyName=" + companyName + ", email=" + email + "]";
  }
}
