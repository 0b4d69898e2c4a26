package com.chosencrm.user.auth;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be, for sign-up, password changes and the platform operator: long enough,
 * not only letters or only digits, and not built from the owner's email. Answers with field errors
 * a user can act on.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** bcrypt ignores everything after 72 bytes, so a longer password would be silently cut. */
  static final int MAX_BYTES = 72;

  /** Shorter local parts ("al@…") are too common inside ordinary passwords to be worth refusing. */
  private static final int MIN_LOCAL_PART_CHECKED = 3;

  private PasswordPolicy() {}

  /**
   * @param field the request field the password came in, for the error entries
   * @param email the owner's email; its local part must not appear in the password
   * @return one entry per rule broken, empty if the password is acceptable
   */
  public static List<FieldError> violations(String field, String password, String email) {
    List<FieldError> errors = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError(field, "Choose a password"));
      return errors;
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      errors.add(
          new FieldError(field, "Password must be at least " + MIN_LENGTH + " characters long"));
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      errors.add(
          new FieldError(field, "Password is too long: use at most " + MAX_BYTES + " characters"));
    }
    if (password.codePoints().noneMatch(Character::isLetter)
        || password.codePoints().noneMatch(Character::isDigit)) {
      errors.add(new FieldError(field, "Password must contain at least one letter and one digit"));
    }
    String localPart = localPart(email);
    if (localPart.length() >= MIN_LOCAL_PART_CHECKED
        && password.toLowerCase(Locale.ROOT).contains(localPart)) {
      errors.add(
          new FieldError(field, "Password must not contain the part of your email before the @"));
    }
    return errors;
  }

  /**
   * @throws InvalidRequestException (400) listing every rule the password breaks
   */
  public static void enforce(String field, String password, String email) {
    List<FieldError> errors = violations(field, password, email);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().message()
              : "The password does not meet " + errors.size() + " of the rules",
          errors);
    }
  }

  private static String localPart(String email) {
    if (email == null) {
      return "";
    }
    int at = email.indexOf('@');
    return (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
  }
}
