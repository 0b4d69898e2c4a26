package com.chosencrm.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Tests {

  @Test
  void idsAreVersion7AndStrictlyIncreasingEvenWithinOneMillisecond() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add(UuidV7.next());
    }
    for (int i = 1; i < ids.size(); i++) {
      UUID previous = ids.get(i - 1);
      UUID current = ids.get(i);
      assertThat(current.version()).isEqualTo(7);
      assertThat(current.variant()).isEqualTo(2);
      // PostgreSQL compares uuids as unsigned bytes: compare the same way.
      assertThat(current.toString()).isGreaterThan(previous.toString());
    }
  }
}
