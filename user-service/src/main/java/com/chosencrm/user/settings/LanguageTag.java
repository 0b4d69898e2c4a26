package com.chosencrm.user.settings;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP 47 language tag with a language, such as {@code en-US} or {@code es}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
@interface LanguageTag {

  String message() default "must be a language tag such as en-US or es-US";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<LanguageTag, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true; // @NotBlank's to report
      }
      try {
        // Locale.forLanguageTag never fails (it drops what it cannot read); the builder is strict.
        Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
        return !locale.getLanguage().isEmpty();
      } catch (IllformedLocaleException e) {
        return false;
      }
    }
  }
}
