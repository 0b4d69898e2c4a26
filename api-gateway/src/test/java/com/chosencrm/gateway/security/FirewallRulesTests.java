package com.chosencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loops decide exactly as the firewall's regular expressions they replace. */
class FirewallRulesTests {

  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern VALUE =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void whenValuesMixAsciiControlsTabsUnassignedAndSurrogates_thenLoopsAgreeWithTheRegexes() {
    List<String> samples =
        new ArrayList<>(
            List.of(
                "",
                "Bearer abc.def-ghi_~+/=",
                "text/html; q=0.9",
                "a\tb",
                "a\nb",
                "a\rb",
                "\u0000",
                "\u007f",
                "\u0085",
                "\u00e9t\u00e9",
                "\ud83d\ude00",
                "\ud83d",
                "\ude00x",
                "\u0378",
                "\u2028",
                "\ufffe"));
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = random.nextInt(6); j > 0; j--) {
        int codePoint = random.nextBoolean() ? random.nextInt(0x300) : random.nextInt(0x110000);
        text.appendCodePoint(codePoint);
      }
      samples.add(text.toString());
    }
    for (String sample : samples) {
      assertThat(FirewallRules.isAssignedAndNotControl(sample))
          .as(sample)
          .isEqualTo(NAME.matcher(sample).matches());
      assertThat(FirewallRules.isHeaderValue(sample))
          .as(sample)
          .isEqualTo(VALUE.matcher(sample).matches());
    }
    assertThat(FirewallRules.isHeaderValue(null)).isTrue();
  }
}
