package com.chosencrm.user.settings;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox rows a test's own tenant produced, read straight from the table. */
public final class OutboxRows {

  private OutboxRows() {}

  /** Payloads (JSON text) of the events of {@code type} about {@code aggregateId}, oldest first. */
  public static List<String> payloads(JdbcClient jdbc, String type, UUID aggregateId) {
    return jdbc.sql(
            """
            select payload::text from outbox_event
            where type = :type and aggregate_id = :aggregateId
            order by id
            """)
        .param("type", type)
        .param("aggregateId", aggregateId)
        .query(String.class)
        .list();
  }
}
