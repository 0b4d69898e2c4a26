package com.chosencrm.lead.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

  @ParameterizedTest
  @CsvSource({
    "(201) 555-0123, +12015550123",
    "201.555.0123, +12015550123",
    "+1 201 555 0123, +12015550123",
    "1-201-555-0123, +12015550123",
    "+44 20 7946 0958, +442079460958"
  })
  void typedNumbersBecomeE164(String typed, String e164) {
    assertThat(PhoneNumbers.toE164(typed)).contains(e164);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "555-0123", "not a number", "", "+1 000 000 0000"})
  void thingsThatAreNotNumbersAreRefused(String typed) {
    assertThat(PhoneNumbers.toE164(typed)).isEmpty();
  }
}
