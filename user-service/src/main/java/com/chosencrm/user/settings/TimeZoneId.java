package com.chosencrm.user.settings;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/**
 * An IANA time zone region such as {@code America/Chicago}. Fixed offsets ({@code +02:00}) and
 * abbreviations ({@code EST}) are refused: they do not follow daylight saving time, so reminders
 * and reports would be an hour off for half the year.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
@interface TimeZoneId {

  String message() default "must be an IANA time zone such as America/New_York";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TimeZoneId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      // Null is @NotBlank's to report.
      return value == null || value.isBlank() || isRegion(value.strip());
    }

    private static boolean isRegion(String id) {
      // The tz database also lists legacy ids without an area (EST, MST, EST5EDT); only
      // Area/Location ids, and UTC itself, name a place's rules.
      return "UTC".equals(id) || id.contains("/") && ZoneId.getAvailableZoneIds().contains(id);
    }
  }
}
