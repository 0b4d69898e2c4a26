package com.chosencrm.common.events;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to the service's Redis stream. Each batch is one transaction that
 * locks its rows with {@code FOR UPDATE SKIP LOCKED}, so any number of instances relay side by side
 * without sending a row twice; a row whose transaction has not committed is invisible here.
 *
 * <p>Delivery is at least once: if the commit that marks rows published fails after {@code XADD},
 * the rows go out again. Consumers de-duplicate by event id.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StreamOperations<String, Object, Object> streams;
  private final String stream;
  private final EventsProperties.Relay settings;
  private final Duration purgeInterval;
  private final EventRetention retention;
  private final Counter published;
  private final XAddOptions trimming;

  private volatile @Nullable ScheduledExecutorService scheduler;
  private volatile boolean failing;

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      StreamOperations<String, Object, Object> streams,
      String stream,
      EventsProperties.Relay settings,
      Duration purgeInterval,
      EventMetrics metrics) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.streams = streams;
    this.stream = stream;
    this.settings = settings;
    this.purgeInterval = purgeInterval;
    this.retention = new EventRetention(jdbc);
    this.published = metrics.published(stream);
    // Approximate trimming lets Redis drop whole radix-tree nodes: far cheaper than an exact cap.
    this.trimming = XAddOptions.maxlen(settings.maxLength()).approximateTrimming(true);
  }

  String stream() {
    return stream;
  }

  /**
   * Publishes up to one batch of unpublished events, oldest first.
   *
   * @return how many were published
   */
  int relayOnce() {
    Batch batch = transactions.execute(status -> publishBatch());
    if (batch == null) {
      return 0;
    }
    published.increment(batch.published());
    if (batch.failure() != null) {
      reportFailure(batch.failure());
    } else {
      reportSuccess();
    }
    return batch.published();
  }

  private Batch publishBatch() {
    List<OutboxRow> rows =
        jdbc.sql(
                """
                select id, type, tenant_id, aggregate_id, occurred_at, payload::text as payload
                from outbox_event
                where published_at is null
                order by id
                limit :batch
                for update skip locked
                """)
            .param("batch", settings.batchSize())
            .query(
                (rs, rowNum) ->
                    new OutboxRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("type"),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getObject("aggregate_id", UUID.class),
                        rs.getString("payload")))
            .list();
    List<UUID> sent = new ArrayList<>(rows.size());
    RuntimeException failure = null;
    for (OutboxRow row : rows) {
      try {
        streams.add(StreamRecords.newRecord().in(stream).ofMap(row.fields()), trimming);
        sent.add(row.id());
      } catch (RuntimeException e) {
        // Stop at the first failure (Redis is likely down for the rest too); rows already sent are
        // still marked published when this transaction commits.
        jdbc.sql("update outbox_event set attempts = attempts + 1 where id = :id")
            .param("id", row.id())
            .update();
        failure = e;
        break;
      }
    }
    if (!sent.isEmpty()) {
      jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
          .param("ids", sent)
          .update();
    }
    return new Batch(sent.size(), failure);
  }

  /** Deletes published rows past their retention. */
  int purgePublished() {
    return retention.purgePublished(settings.retention());
  }

  private void relayPending() {
    try {
      // A full batch means more are waiting: keep going instead of sleeping a whole interval.
      int published;
      do {
        published = relayOnce();
      } while (published == settings.batchSize() && isRunning());
    } catch (RuntimeException e) {
      reportFailure(e);
    }
  }

  private void purgeQuietly() {
    try {
      int deleted = purgePublished();
      if (deleted > 0) {
        log.debug("Purged {} published outbox rows", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Purging published outbox rows failed", e);
    }
  }

  // Log the first failure of a streak only: a Redis outage must not flood the log every 250 ms.
  private void reportFailure(RuntimeException e) {
    if (!failing) {
      failing = true;
      log.warn(
          "Outbox relay to stream {} failed; retrying every {}", stream, settings.interval(), e);
    } else {
      log.debug("Outbox relay to stream {} still failing", stream, e);
    }
  }

  private void reportSuccess() {
    if (failing) {
      failing = false;
      log.info("Outbox relay to stream {} recovered", stream);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    // Two threads, so that a long purge never holds up relaying.
    ScheduledExecutorService started =
        Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("outbox-relay-", 1).daemon().factory());
    started.scheduleWithFixedDelay(
        this::relayPending, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    started.scheduleWithFixedDelay(
        this::purgeQuietly,
        purgeInterval.toMillis(),
        purgeInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = scheduler;
    if (running == null) {
      return;
    }
    scheduler = null;
    running.shutdown();
    try {
      // A batch in flight finishes (one transaction, bounded by batch size); then the thread ends.
      if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public boolean isAutoStartup() {
    return settings.enabled();
  }

  @Override
  public int getPhase() {
    return EventsAutoConfiguration.LIFECYCLE_PHASE;
  }

  private record Batch(int published, @Nullable RuntimeException failure) {}

  private record OutboxRow(
      UUID id,
      String type,
      UUID tenantId,
      OffsetDateTime occurredAt,
      UUID aggregateId,
      String payload) {

    Map<String, String> fields() {
      return StreamEntries.fields(id, type, tenantId, occurredAt.toInstant(), aggregateId, payload);
    }
  }
}
