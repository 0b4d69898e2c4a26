package com.chosencrm.user.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The password rules for passwords set here (an admin's initial password, a user's own change). A
 * stand-in for {@code auth.PasswordPolicy}, which is being written at the same time: switch to it
 * when both land so that sign-up and these endpoints cannot drift apart.
 */
final class PasswordRules {

  static final int MIN_LENGTH = 12;

  // bcrypt reads at most 72 bytes; Spring Security refuses longer input rather than truncate it.
  static final int MAX_BYTES = 72;

  private PasswordRules() {}

  /** What is wrong with the password, in words for the user; empty if it is acceptable. */
  static Optional<String> problemWith(String password, String email) {
    if (password.length() < MIN_LENGTH) {
      return Optional.of("Password must be at least " + MIN_LENGTH + " characters long");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("Password is too long; use at most " + MAX_BYTES + " characters");
    }
    if (password.chars().noneMatch(Character::isLetter)
        || password.chars().noneMatch(Character::isDigit)) {
      return Optional.of("Password must contain at least one letter and one digit");
    }
    String localPart = localPart(email);
    if (!localPart.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(localPart.toLowerCase(Locale.ROOT))) {
      return Optional.of("Password must not contain the part of the email address before the @");
    }
    return Optional.empty();
  }

  private static String localPart(String email) {
    int at = email.indexOf('@');
    return (at < 0 ? email : email.substring(0, at)).strip();
  }
}
