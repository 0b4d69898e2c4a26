package com.chosencrm.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The rules alone, no Spring context. */
class PasswordPolicyTests {

  private static final String EMAIL = "jordan.lee@example.test";

  @Test
  void whenPasswordMeetsEveryRule_thenNoErrors() {
    assertThat(PasswordPolicy.violations("password", "Blue-Harbor-2024", EMAIL)).isEmpty();
    // Any script's letters and digits count.
    assertThat(PasswordPolicy.violations("password", "Überweisung-2024", EMAIL)).isEmpty();
  }

  @Test
  void whenPasswordIsTooShort_thenTheMinimumIsNamed() {
    assertThat(PasswordPolicy.violations("password", "Harbor-2024", EMAIL))
        .containsExactly(
            new FieldError("password", "Password must be at least 12 characters long"));
  }

  @Test
  void whenPasswordLacksALetterOrADigit_thenBothAreAskedFor() {
    FieldError expected =
        new FieldError("password", "Password must contain at least one letter and one digit");
    assertThat(PasswordPolicy.violations("password", "harbor-lights-blue", EMAIL))
        .containsExactly(expected);
    assertThat(PasswordPolicy.violations("password", "2024-1999-0042", EMAIL))
        .containsExactly(expected);
  }

  @Test
  void whenPasswordContainsTheEmailsLocalPart_thenRefusedWhateverTheCase() {
    assertThat(PasswordPolicy.violations("newPassword", "JORDAN.LEE-2024!", EMAIL))
        .containsExactly(
            new FieldError(
                "newPassword", "Password must not contain the part of your email before the @"));
  }

  @Test
  void whenTheLocalPartIsVeryShort_thenItIsNotHeldAgainstThePassword() {
    assertThat(PasswordPolicy.violations("password", "Blue-Harbor-2024", "bo@example.test"))
        .isEmpty();
  }

  @Test
  void whenPasswordIsLongerThanBcryptReads_thenRefused() {
    String longPassword = "a1".repeat(37);
    assertThat(PasswordPolicy.violations("password", longPassword, EMAIL))
        .extracting(FieldError::message)
        .containsExactly("Password is too long: use at most 72 characters");
  }

  @Test
  void whenEnforcedOnABadPassword_thenEveryBrokenRuleIsReported() {
    assertThatThrownBy(() -> PasswordPolicy.enforce("password", "jordan.lee", EMAIL))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.properties().get("errors"))
                  .asInstanceOf(InstanceOfAssertFactories.LIST)
                  .hasSize(3);
            });
  }
}
