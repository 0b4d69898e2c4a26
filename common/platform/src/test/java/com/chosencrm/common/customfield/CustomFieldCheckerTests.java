package com.chosencrm.common.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules both services apply; user-service's CustomFieldValidatorTests pin the per-type cases.
 */
class CustomFieldCheckerTests {

  private final CustomFieldChecker checker =
      new CustomFieldChecker(
          "leads",
          List.of(
              new CustomFieldRule("purpose", CustomFieldType.SELECT, List.of("Purchase"), true),
              new CustomFieldRule("amount", CustomFieldType.NUMBER, null, false),
              new CustomFieldRule("future", null, null, false)));

  @Test
  void aPartialSetNeedsNoRequiredFieldsButACompleteOneDoes() {
    assertThat(checker.check(Map.of("amount", "12.50"), false).values())
        .isEqualTo(Map.of("amount", new BigDecimal("12.50")));
    assertThat(checker.check(Map.of("amount", "12.50"), true).errors())
        .containsExactly(new FieldError("customFields.purpose", "is required"));
    assertThat(checker.missingRequired(Map.of("purpose", " "))).hasSize(1);
    assertThat(checker.missingRequired(Map.of("purpose", "Purchase"))).isEmpty();
  }

  @Test
  void unknownKeysAndTypesAreRefusedNotStored() {
    assertThat(checker.check(Map.of("colour", "blue"), false).errors())
        .containsExactly(new FieldError("customFields.colour", "is not a custom field of leads"));
    assertThat(checker.check(Map.of("future", "x"), false).errors())
        .containsExactly(
            new FieldError("customFields.future", "has a type this service does not know yet"));
    assertThat(CustomFieldType.parse("GEOPOINT")).isEmpty();
    assertThat(CustomFieldType.parse("DATE")).contains(CustomFieldType.DATE);
  }

  @Test
  void validateThrowsOneProblemForEveryFieldThatIsWrong() {
    assertThatThrownBy(() -> checker.validate(Map.of("amount", "lots")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("2 custom fields are not valid");
    assertThat(checker.check(Map.of("amount", "lots"), true).errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.amount", "customFields.purpose");
    assertThat(checker.validate(Map.of("purpose", "purchase")))
        .isEqualTo(Map.of("purpose", "Purchase"));
  }
}
