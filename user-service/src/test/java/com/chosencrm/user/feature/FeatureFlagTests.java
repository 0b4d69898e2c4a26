package com.chosencrm.user.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's own rules, which a new flag must keep; no Spring context. */
class FeatureFlagTests {

  @Test
  void everyDefaultIsAValidValueOfItsOwnFlag() {
    for (FeatureFlag flag : FeatureFlag.values()) {
      assertThat(flag.accept(flag.defaultValue())).as(flag.key()).contains(flag.defaultValue());
    }
  }

  @Test
  void keysAreUniqueLowerCamelCaseAndFoundByKey() {
    assertThat(Arrays.stream(FeatureFlag.values()).map(FeatureFlag::key)).doesNotHaveDuplicates();
    for (FeatureFlag flag : FeatureFlag.values()) {
      assertThat(flag.key()).as(flag.name()).matches("[a-z][a-zA-Z0-9]*");
      assertThat(FeatureFlag.byKey(flag.key())).contains(flag);
      assertThat(flag.description()).as(flag.key()).isNotBlank();
    }
    assertThat(FeatureFlag.byKey("SMS_CAMPAIGNS")).isEmpty();
  }

  @Test
  void booleanFlagsTakeOnlyBooleans() {
    assertThat(FeatureFlag.SMS_CAMPAIGNS.accept(true)).contains(true);
    assertThat(FeatureFlag.SMS_CAMPAIGNS.accept("true")).isEmpty();
    assertThat(FeatureFlag.SMS_CAMPAIGNS.accept(1)).isEmpty();
  }

  @Test
  void integerFlagsTakeWholeNumbersWithinTheirRange() {
    assertThat(FeatureFlag.MAX_USERS.accept(40)).contains(40);
    assertThat(FeatureFlag.MAX_USERS.accept(40L)).contains(40);
    assertThat(FeatureFlag.MAX_USERS.accept(1)).contains(1);
    assertThat(FeatureFlag.MAX_USERS.accept(10_000)).contains(10_000);
    assertThat(FeatureFlag.MAX_USERS.accept(0)).isEmpty();
    assertThat(FeatureFlag.MAX_USERS.accept(10_001)).isEmpty();
    assertThat(FeatureFlag.MAX_USERS.accept(40.0)).isEmpty();
    assertThat(FeatureFlag.MAX_USERS.accept("40")).isEmpty();
    assertThat(FeatureFlag.MAX_USERS.accept(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void stringFlagsTakeOnlyTheirAllowedValues() {
    assertThat(FeatureFlag.SCOREBOARD_PERIOD.accept("MONTHLY")).isEqualTo(Optional.of("MONTHLY"));
    assertThat(FeatureFlag.SCOREBOARD_PERIOD.accept("monthly")).isEmpty();
    assertThat(FeatureFlag.SCOREBOARD_PERIOD.accept("YEARLY")).isEmpty();
  }
}
