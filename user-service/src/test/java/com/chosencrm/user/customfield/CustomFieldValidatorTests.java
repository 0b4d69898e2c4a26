package com.chosencrm.user.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.chosencrm.common.customfield.CustomFieldChecker;
import com.chosencrm.common.customfield.CustomFieldType;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The checks other services rely on before they store custom field values; no Spring context. */
class CustomFieldValidatorTests {

  private final CustomFieldValidator validator =
      new CustomFieldValidator(
          EntityType.LEAD,
          List.of(
              field("loanPurpose", CustomFieldType.SELECT, true, "Purchase", "Refinance"),
              field("loanAmount", CustomFieldType.NUMBER, false),
              field("closingDate", CustomFieldType.DATE, false),
              field("referredBy", CustomFieldType.TEXT, false),
              field("firstTimeBuyer", CustomFieldType.BOOLEAN, false)));

  @Test
  void whenEveryValueFitsItsType_thenValuesAreNormalised() {
    Map<String, Object> values =
        validator.validate(
            Map.of(
                "loanPurpose", "refinance",
                "loanAmount", "350000.50",
                "closingDate", " 2025-06-30 ",
                "referredBy", "  Jane Realtor ",
                "firstTimeBuyer", "TRUE"));

    assertThat(values)
        .containsExactly(
            Map.entry("loanPurpose", "Refinance"),
            Map.entry("loanAmount", new BigDecimal("350000.50")),
            Map.entry("closingDate", "2025-06-30"),
            Map.entry("referredBy", "Jane Realtor"),
            Map.entry("firstTimeBuyer", true));
  }

  @Test
  void whenNumbersArriveAsJsonNumbers_thenTheyBecomeDecimals() {
    assertThat(validator.validate(Map.of("loanPurpose", "Purchase", "loanAmount", 425000)))
        .containsEntry("loanAmount", new BigDecimal("425000"));
    assertThat(validator.validate(Map.of("loanPurpose", "Purchase", "loanAmount", 0.1)))
        .containsEntry("loanAmount", new BigDecimal("0.1"));
  }

  @Test
  void whenOptionalValuesAreNullOrBlank_thenTheyAreLeftOut() {
    Map<String, Object> given = new HashMap<>();
    given.put("loanPurpose", "Purchase");
    given.put("loanAmount", null);
    given.put("referredBy", "   ");

    assertThat(validator.validate(given)).containsOnlyKeys("loanPurpose");
  }

  @Test
  void whenRequiredValueIsMissingNullOrBlank_thenItIsRequired() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("loanPurpose", null);

    for (Map<String, ?> values :
        List.<Map<String, ?>>of(Map.of(), withNull, Map.of("loanPurpose", " "))) {
      assertThat(validator.check(values).errors())
          .containsExactly(new FieldError("customFields.loanPurpose", "is required"));
    }
  }

  @Test
  void whenKeyIsNotDefined_thenItIsRejectedByName() {
    assertThat(
            validator.check(Map.of("loanPurpose", "Purchase", "favouriteColour", "blue")).errors())
        .containsExactly(
            new FieldError("customFields.favouriteColour", "is not a custom field of leads"));
  }

  @Test
  void whenValuesHaveTheWrongType_thenEachFieldGetsItsOwnError() {
    CustomFieldChecker.Result result =
        validator.check(
            Map.of(
                "loanPurpose", "Construction",
                "loanAmount", "a lot",
                "closingDate", "06/30/2025",
                "referredBy", 42,
                "firstTimeBuyer", "yes"));

    assertThat(result.isValid()).isFalse();
    assertThat(result.errors())
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            tuple("customFields.closingDate", "must be a date in the form YYYY-MM-DD"),
            tuple("customFields.firstTimeBuyer", "must be true or false"),
            tuple("customFields.loanAmount", "must be a number"),
            tuple("customFields.loanPurpose", "must be one of Purchase, Refinance"),
            tuple("customFields.referredBy", "must be text of at most 1000 characters"));
  }

  @Test
  void whenDateDoesNotExist_thenItIsRejectedNotRolledOver() {
    assertThat(
            validator
                .check(Map.of("loanPurpose", "Purchase", "closingDate", "2025-02-30"))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.closingDate");
  }

  @Test
  void whenNumberIsNotFinite_thenItIsRejected() {
    assertThat(
            validator.check(Map.of("loanPurpose", "Purchase", "loanAmount", Double.NaN)).errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.loanAmount");
  }

  @Test
  void whenBooleanIsAJsonNumber_thenItIsRejected() {
    assertThat(validator.check(Map.of("loanPurpose", "Purchase", "firstTimeBuyer", 1)).errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.firstTimeBuyer");
  }

  @Test
  void whenTextIsTooLong_thenItIsRejected() {
    String tooLong = "x".repeat(CustomFieldValidator.MAX_TEXT_LENGTH + 1);
    String longest = "x".repeat(CustomFieldValidator.MAX_TEXT_LENGTH);

    assertThat(validator.check(Map.of("loanPurpose", "Purchase", "referredBy", tooLong)).errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.referredBy");
    assertThat(validator.check(Map.of("loanPurpose", "Purchase", "referredBy", longest)).isValid())
        .isTrue();
  }

  @Test
  void whenValidateFails_thenInvalidRequestCarriesEveryFieldError() {
    assertThatThrownBy(() -> validator.validate(Map.of("loanAmount", "x")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("2 custom fields are not valid");
              assertThat(e.properties().get("errors"))
                  .asInstanceOf(InstanceOfAssertFactories.LIST)
                  .containsExactly(
                      new FieldError("customFields.loanAmount", "must be a number"),
                      new FieldError("customFields.loanPurpose", "is required"));
            });
  }

  @Test
  void whenTenantHasNoDefinitions_thenOnlyAnEmptySetIsValid() {
    CustomFieldValidator none = new CustomFieldValidator(EntityType.CALL, List.of());

    assertThat(none.validate(Map.of())).isEmpty();
    assertThat(none.validate(null)).isEmpty();
    assertThat(none.check(Map.of("outcome", "won")).errors())
        .containsExactly(new FieldError("customFields.outcome", "is not a custom field of calls"));
  }

  @Test
  void whenDefinitionBelongsToAnotherEntity_thenValidatorRefusesIt() {
    assertThatThrownBy(
            () ->
                new CustomFieldValidator(
                    EntityType.CALL, List.of(field("loanAmount", CustomFieldType.NUMBER, false))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CustomFieldDefinition field(
      String key, CustomFieldType type, boolean required, String... options) {
    return new CustomFieldDefinition(
        UUID.randomUUID(),
        EntityType.LEAD,
        key,
        key,
        type,
        List.of(options),
        required,
        0,
        Instant.now(),
        Instant.now());
  }
}
