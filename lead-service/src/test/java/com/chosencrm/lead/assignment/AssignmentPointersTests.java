package com.chosencrm.lead.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentPointersTests {

  static final UUID A = UUID.fromString("00000000-0000-7000-8000-000000000001");
  static final UUID B = UUID.fromString("10000000-0000-7000-8000-000000000001");
  // High bit set: negative for Java's signed compareTo, last for PostgreSQL.
  static final UUID C = UUID.fromString("f0000000-0000-7000-8000-000000000001");

  @Test
  void turnsGoInPostgresUuidOrderAfterTheLastOne() {
    assertThat(AssignmentPointers.inTurnAfter(List.of(C, A, B), Optional.empty()))
        .containsExactly(A, B, C);
    assertThat(AssignmentPointers.inTurnAfter(List.of(C, A, B), Optional.of(A)))
        .containsExactly(B, C, A);
    assertThat(AssignmentPointers.inTurnAfter(List.of(C, A, B), Optional.of(C)))
        .containsExactly(A, B, C);
  }

  @Test
  void aNewMemberGetsTheirTurnInOrderNotAtTheEnd() {
    // B got the last lead; A and C were there before, D joins between B and C.
    UUID d = UUID.fromString("20000000-0000-7000-8000-000000000001");
    assertThat(AssignmentPointers.inTurnAfter(List.of(A, B, C, d), Optional.of(B)))
        .containsExactly(d, C, A, B);
  }

  @Test
  void whenTheLastOneLeftTheTeamTheNextInOrderFollows() {
    UUID gone = UUID.fromString("15000000-0000-7000-8000-000000000001");
    assertThat(AssignmentPointers.inTurnAfter(List.of(A, B, C), Optional.of(gone)))
        .containsExactly(C, A, B);
  }
}
