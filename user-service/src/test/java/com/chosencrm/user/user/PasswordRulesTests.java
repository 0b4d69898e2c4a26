package com.chosencrm.user.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

  static final String EMAIL = "jane.doe@example.test";

  @Test
  void whenPasswordIsLongWithLettersAndDigits_thenAccepted() {
    assertThat(PasswordRules.problemWith("Correct-Horse-42", EMAIL)).isEmpty();
  }

  @Test
  void whenPasswordIsShorterThanTwelve_thenRefused() {
    assertThat(PasswordRules.problemWith("Abcdefghij1", EMAIL))
        .hasValue("Password must be at least 12 characters long");
  }

  @Test
  void whenPasswordLacksALetterOrADigit_thenRefused() {
    assertThat(PasswordRules.problemWith("123456789012", EMAIL)).isPresent();
    assertThat(PasswordRules.problemWith("abcdefghijkl", EMAIL)).isPresent();
  }

  @Test
  void whenPasswordContainsTheEmailsLocalPartInAnyCase_thenRefused() {
    assertThat(PasswordRules.problemWith("My-JANE.DOE-2024", EMAIL))
        .hasValue("Password must not contain the part of the email address before the @");
  }

  @Test
  void whenPasswordIsLongerThanBcryptReads_thenRefused() {
    assertThat(PasswordRules.problemWith("a1".repeat(37), EMAIL)).isPresent();
    assertThat(PasswordRules.problemWith("a1".repeat(36), EMAIL)).isEmpty();
  }
}
