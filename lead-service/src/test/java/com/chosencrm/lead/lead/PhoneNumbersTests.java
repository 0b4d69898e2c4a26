package com.chosencrm.lead.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

  /** The shortcut for plain North American numbers answers exactly what libphonenumber does. */
  @Test
  void plainNorthAmericanNumbersReadAsLibphonenumberReadsThem() {
    Random random = new Random(7);
    String[] shapes = {
      "(%s) %s-%s",
      "%s.%s.%s",
      "%s%s%s",
      "+1 %s %s %s",
      "1-%s-%s-%s",
      "1%s%s%s",
      "+1(%s)%s-%s",
      "+%s%s%s",
      "%s %s %s",
      "(%s)%s%s",
      "11%s%s%s",
      "%s-%s-%s-"
    };
    for (int i = 0; i < 20_000; i++) {
      String area = String.format("%03d", random.nextInt(1000));
      String exchange = String.format("%03d", random.nextInt(1000));
      String line = String.format("%04d", random.nextInt(10_000));
      String typed = String.format(shapes[i % shapes.length], area, exchange, line);
      assertThat(PhoneNumbers.toE164(typed)).as(typed).isEqualTo(parsed(typed));
    }
  }

  private static Optional<String> parsed(String typed) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      var number = util.parse(typed, "US");
      return util.isValidNumber(number)
          ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
