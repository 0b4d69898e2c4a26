package com.chosencrm.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenyListTests {

  final Instant issuedAt = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void keysAreTheSharedRedisNamesInMgetOrder() {
    assertThat(DenyList.keys("j-1", "t-1", "u-1"))
        .containsExactly(
            "chosencrm:revoked-jti:j-1",
            "chosencrm:suspended-tenant:t-1",
            "chosencrm:user-tokens-before:u-1");
  }

  @Test
  void whenNothingIsSet_thenTokenPasses() {
    assertThat(DenyList.isRejected(values(null, null, null), issuedAt)).isFalse();
  }

  @Test
  void whenTokenIsRevoked_thenRejected() {
    assertThat(DenyList.isRejected(values("1", null, null), issuedAt)).isTrue();
  }

  @Test
  void whenTenantIsSuspended_thenRejected() {
    assertThat(DenyList.isRejected(values(null, "1", null), issuedAt)).isTrue();
  }

  @Test
  void whenUserCutoffIsAtOrAfterIssue_thenRejected() {
    long issued = issuedAt.getEpochSecond();
    assertThat(DenyList.isRejected(values(null, null, String.valueOf(issued)), issuedAt)).isTrue();
    assertThat(DenyList.isRejected(values(null, null, String.valueOf(issued + 5)), issuedAt))
        .isTrue();
    assertThat(DenyList.isRejected(values(null, null, String.valueOf(issued - 1)), issuedAt))
        .isFalse();
  }

  @Test
  void whenUserIsCutOffAndTokenHasNoIssueTime_thenRejected() {
    assertThat(DenyList.isRejected(values(null, null, "0"), null)).isTrue();
  }

  @Test
  void whenRedisGaveNoAnswer_thenItThrowsSoTheCallerFailsClosed() {
    assertThatThrownBy(() -> DenyList.isRejected(null, issuedAt))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DenyList.isRejected(List.of(), issuedAt))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> values(String jti, String tenant, String cutoff) {
    return Arrays.asList(jti, tenant, cutoff);
  }
}
