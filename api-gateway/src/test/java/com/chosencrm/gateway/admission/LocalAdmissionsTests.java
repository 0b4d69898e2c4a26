package com.chosencrm.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalAdmissionsTests {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final LocalAdmissions local =
      new LocalAdmissions(
          new AdmissionProperties(Duration.ofSeconds(1), Duration.ofSeconds(1)), now::get);

  @Test
  void leaseIsSpentThenEmpty() {
    assertThat(local.takeLeased("t")).isFalse();
    local.leased("t", 2);
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isFalse();
    assertThat(local.takeLeased("other")).isFalse();
  }

  @Test
  void leaseLapsesAndLeftoverTokensAreNotKept() {
    local.leased("t", 5);
    now.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(local.takeLeased("t")).isFalse();
    local.leased("t", 1);
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isFalse();
  }

  @Test
  void tokensTakenAtTheSameMomentAddUp() {
    local.leased("t", 1);
    assertThat(local.takeLeased("t")).isTrue();
    // A take on the empty lease leaves its count below zero; what comes in is still all there.
    assertThat(local.takeLeased("t")).isFalse();
    local.leased("t", 2);
    local.leased("t", 1);
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isTrue();
    assertThat(local.takeLeased("t")).isFalse();
  }

  @Test
  void leaseIsATenthOfASecondOfRefillAndOfATenthOfTheBurst() {
    assertThat(local.leaseSize(new RateLimitProperties.Bucket(200, 100))).isEqualTo(10);
    assertThat(local.leaseSize(new RateLimitProperties.Bucket(50, 1000))).isEqualTo(5);
    assertThat(local.leaseSize(new RateLimitProperties.Bucket(10_000_000, 10_000_000)))
        .isEqualTo(100);
    // Strict buckets (sign-in, anonymous) are taken from one token per request.
    assertThat(local.leaseSize(new RateLimitProperties.Bucket(10, 0.2))).isEqualTo(1);
    assertThat(local.leaseSize(new RateLimitProperties.Bucket(60, 10))).isEqualTo(1);
  }

  @Test
  void clearedTokenIsRecheckedAfterTheRecheckTime() {
    assertThat(local.isCleared("jti")).isFalse();
    local.cleared("jti");
    assertThat(local.isCleared("jti")).isTrue();
    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(local.isCleared("jti")).isTrue();
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(local.isCleared("jti")).isFalse();
  }

  @Test
  void lapsedEntriesAreSweptOnceThereAreManyAndNotOnEveryCall() {
    for (int i = 0; i < 50_001; i++) {
      local.cleared("old" + i);
      local.leased("bucket" + i, 1);
    }
    assertThat(local.entries()).isEqualTo(100_002);
    // Within the same second: no sweep, however many entries.
    local.cleared("fresh");
    assertThat(local.entries()).isEqualTo(100_003);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    local.cleared("newer");
    local.leased("t", 1);
    // The lapsed tokens went with the first sweep; the leases wait for the next second's.
    assertThat(local.entries()).isEqualTo(50_001 + 2);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    local.leased("t2", 1);
    assertThat(local.entries()).isEqualTo(2);
  }

  @Test
  void zeroTimesTurnBothOff() {
    LocalAdmissions exact =
        new LocalAdmissions(new AdmissionProperties(Duration.ZERO, Duration.ZERO), now::get);
    exact.cleared("jti");
    exact.leased("t", 10);
    assertThat(exact.isCleared("jti")).isFalse();
    assertThat(exact.takeLeased("t")).isFalse();
    assertThat(exact.leaseSize(new RateLimitProperties.Bucket(10_000, 10_000))).isEqualTo(1);
  }
}
