package com.chosencrm.common.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes what the event tables no longer need. Event ids are UUIDv7, so the primary keys already
 * order rows by creation time: an id range finds old rows without an extra index on a timestamp.
 */
final class EventRetention {

  // Small enough that no delete holds locks or bloats WAL for long.
  private static final int BATCH = 5_000;

  private final JdbcClient jdbc;

  EventRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Published outbox rows of events older than {@code retention}; unpublished ones are kept. */
  int purgePublished(Duration retention) {
    UUID before = firstIdAt(Instant.now().minus(retention));
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  delete from outbox_event where id in (
                    select id from outbox_event
                    where id < :before and published_at is not null
                    limit :batch)
                  """)
              .param("before", before)
              .param("batch", BATCH)
              .update();
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /**
   * A group's memory of events older than {@code retention}: by then no duplicate of them can still
   * arrive (duplicates come from relay retries and redelivery, within minutes).
   */
  int purgeProcessed(String group, Duration retention) {
    UUID before = firstIdAt(Instant.now().minus(retention));
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  delete from processed_event
                  where consumer_group = :group and event_id in (
                    select event_id from processed_event
                    where consumer_group = :group and event_id < :before
                    limit :batch)
                  """)
              .param("group", group)
              .param("before", before)
              .param("batch", BATCH)
              .update();
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /** The smallest UUIDv7 of that millisecond: every id created earlier sorts below it. */
  static UUID firstIdAt(Instant time) {
    return new UUID((time.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
  }
}
