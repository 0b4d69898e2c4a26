package com.chosencrm.common.events;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one {@link EventSubscription} on one thread: each entry is handled in a database transaction
 * that first records the event id in {@code processed_event}, and acknowledged only after that
 * transaction commits. So a crash anywhere leaves the entry pending, and its redelivery finds the
 * id already recorded if the handler's work had committed.
 *
 * <p>Pending entries are retried two ways: this consumer re-reads its own on start (a restart under
 * a stable name), and claims any consumer's once idle longer than {@code claim-idle} (a failed
 * handler, an instance that died). Past {@code max-attempts} deliveries an entry goes to {@code
 * <stream>.dlq} instead, so that one poison entry cannot hold up the group forever.
 */
final class StreamConsumer {

  private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final int MAX_ERROR_LENGTH = 2_000;

  private final EventSubscription subscription;
  private final String stream;
  private final String group;
  private final Consumer consumer;
  private final EventsProperties.Consumer settings;
  private final Duration purgeInterval;
  private final StreamOperations<String, Object, Object> streams;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final EventRetention retention;
  private final JsonMapper json;
  private final XAddOptions deadLetterTrimming;
  private final Counter consumed;
  private final Counter duplicates;
  private final Counter failed;
  private final Counter deadLettered;

  private volatile boolean running;
  private volatile boolean failing;
  private volatile @Nullable Thread worker;

  StreamConsumer(
      EventSubscription subscription,
      String consumerName,
      EventsProperties.Consumer settings,
      Duration purgeInterval,
      long maxStreamLength,
      StreamOperations<String, Object, Object> streams,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      JsonMapper json,
      EventMetrics metrics) {
    this.subscription = subscription;
    this.stream = subscription.stream();
    this.group = subscription.group();
    this.consumer = Consumer.from(group, consumerName);
    this.settings = settings;
    this.purgeInterval = purgeInterval;
    this.streams = streams;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.retention = new EventRetention(jdbc);
    this.json = json;
    this.deadLetterTrimming = XAddOptions.maxlen(maxStreamLength).approximateTrimming(true);
    this.consumed = metrics.consumed(stream, group);
    this.duplicates = metrics.duplicates(stream, group);
    this.failed = metrics.failed(stream, group);
    this.deadLettered = metrics.deadLettered(stream, group);
  }

  synchronized void start() {
    if (worker != null) {
      return;
    }
    running = true;
    Thread thread =
        Thread.ofPlatform()
            .name("events-" + group + "@" + stream)
            .daemon()
            .unstarted(this::consume);
    worker = thread;
    thread.start();
  }

  /**
   * Stops after the entry in hand; the rest of a read batch stays pending for this consumer. A
   * handler still busy after {@code shutdown-timeout} is interrupted, and its transaction rolls
   * back.
   */
  synchronized void stop() {
    running = false;
    Thread thread = worker;
    if (thread == null) {
      return;
    }
    try {
      thread.join(settings.shutdownTimeout());
      if (thread.isAlive()) {
        log.warn("Consumer {} of {} did not stop in time; interrupting it", consumer, stream);
        thread.interrupt();
        thread.join(settings.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = null;
  }

  /** Lets several consumers wind down at once before {@link #stop()} waits for each. */
  void requestStop() {
    running = false;
  }

  boolean isRunning() {
    return worker != null;
  }

  /**
   * False once stopping, and for a thread that outlived its stop: a later start must not leave two
   * loops reading as the same consumer.
   */
  private boolean active() {
    return running && worker == Thread.currentThread();
  }

  private void consume() {
    try {
      consumeUntilStopped();
    } catch (Error e) {
      log.error("Consumer {} of {} died; restart the service", consumer, stream, e);
      throw e;
    }
  }

  private void consumeUntilStopped() {
    boolean ready = false;
    long nextReclaim = System.nanoTime();
    long nextPurge = System.nanoTime();
    while (active()) {
      try {
        if (!ready) {
          createGroupIfMissing();
          redeliverOwnPending();
          ready = true;
        }
        if (System.nanoTime() - nextReclaim >= 0) {
          reclaimIdleEntries();
          expireIdleConsumers();
          nextReclaim = System.nanoTime() + settings.reclaimInterval().toNanos();
        }
        if (System.nanoTime() - nextPurge >= 0) {
          retention.purgeProcessed(group, settings.processedRetention());
          nextPurge = System.nanoTime() + purgeInterval.toNanos();
        }
        readNewEntries();
        reportSuccess();
      } catch (RuntimeException e) {
        if (!active()) {
          break;
        }
        if (mentions(e, "NOGROUP")) {
          // The stream or the group was deleted under us: create it again on the next turn.
          ready = false;
        }
        reportFailure(e);
        pause();
      }
    }
  }

  private void createGroupIfMissing() {
    try {
      // From "0": events published before this group first existed are handled too.
      streams.createGroup(stream, ReadOffset.from("0"), group);
      log.info("Created consumer group {} on stream {}", group, stream);
    } catch (RuntimeException e) {
      if (!mentions(e, "BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Entries this consumer (under the same name) read before a restart but never acknowledged. */
  private void redeliverOwnPending() {
    String after = "0";
    while (active()) {
      List<MapRecord<String, Object, Object>> entries =
          streams.read(
              consumer,
              StreamReadOptions.empty().count(settings.batchSize()),
              StreamOffset.create(stream, ReadOffset.from(after)));
      if (entries == null || entries.isEmpty()) {
        return;
      }
      Map<RecordId, Long> deliveries = deliveryCounts(entries);
      for (MapRecord<String, Object, Object> entry : entries) {
        if (!active()) {
          return;
        }
        process(entry, deliveries.getOrDefault(entry.getId(), 1L));
      }
      after = entries.getLast().getId().getValue();
    }
  }

  // Reading one's own pending entries counts as a delivery; XPENDING tells how many so far.
  private Map<RecordId, Long> deliveryCounts(List<MapRecord<String, Object, Object>> entries) {
    Map<RecordId, Long> counts = new HashMap<>();
    Range<String> range =
        Range.closed(entries.getFirst().getId().getValue(), entries.getLast().getId().getValue());
    for (PendingMessage pending : streams.pending(stream, consumer, range, entries.size())) {
      counts.put(pending.getId(), pending.getTotalDeliveryCount());
    }
    return counts;
  }

  private void reclaimIdleEntries() {
    for (PendingMessage pending :
        streams.pending(
            stream, group, Range.unbounded(), settings.batchSize(), settings.claimIdle())) {
      if (!active()) {
        return;
      }
      // min-idle makes the claim atomic: if another instance claimed it first, we get nothing.
      List<MapRecord<String, Object, Object>> claimed =
          streams.claim(
              stream,
              group,
              consumer.getName(),
              XClaimOptions.minIdle(settings.claimIdle()).ids(pending.getId()));
      if (claimed != null && !claimed.isEmpty()) {
        process(claimed.getFirst(), pending.getTotalDeliveryCount() + 1);
      }
    }
  }

  private void expireIdleConsumers() {
    for (XInfoConsumer other : streams.consumers(stream, group)) {
      if (!other.consumerName().equals(consumer.getName())
          && other.pendingCount() == 0
          && other.idleTime().compareTo(settings.expireAfter()) > 0) {
        streams.deleteConsumer(stream, Consumer.from(group, other.consumerName()));
        log.info(
            "Removed consumer {} idle for {} from group {}",
            other.consumerName(),
            other.idleTime(),
            group);
      }
    }
  }

  private void readNewEntries() {
    List<MapRecord<String, Object, Object>> entries =
        streams.read(
            consumer,
            StreamReadOptions.empty().count(settings.batchSize()).block(settings.block()),
            StreamOffset.create(stream, ReadOffset.lastConsumed()));
    if (entries == null) {
      return;
    }
    for (MapRecord<String, Object, Object> entry : entries) {
      if (!active()) {
        return;
      }
      process(entry, 1);
    }
  }

  private void process(MapRecord<String, Object, Object> entry, long deliveries) {
    if (entry.getValue() == null || entry.getValue().isEmpty()) {
      // Trimmed from the stream (MAXLEN) while still pending: nothing left to handle.
      log.warn(
          "Entry {} of {} was trimmed before group {} handled it", entry.getId(), stream, group);
      acknowledge(entry);
      return;
    }
    EventEnvelope event;
    try {
      event = StreamEntries.read(entry.getValue(), json);
    } catch (IllegalArgumentException unreadable) {
      // No retry can fix a malformed entry.
      deadLetter(entry, deliveries, describe(unreadable));
      return;
    }
    if (!subscription.accepts(event.type())) {
      acknowledge(entry);
      return;
    }
    if (deliveries > settings.maxAttempts()) {
      // Earlier deliveries ended without an outcome: the process died while handling it.
      deadLetter(
          entry, deliveries, "Delivered " + deliveries + " times without being acknowledged");
      return;
    }
    boolean firstTime;
    try {
      firstTime = Boolean.TRUE.equals(transactions.execute(status -> handleOnce(event)));
    } catch (RuntimeException | Error e) {
      // Errors too: a handler that overflows its stack on one event is that event's problem.
      Throwable cause = e instanceof HandlerFailedException ? e.getCause() : e;
      if (!active()) {
        log.info("Stopped while handling {} {}; it stays pending", event.type(), event.id());
        return;
      }
      failed.increment();
      if (deliveries >= settings.maxAttempts()) {
        deadLetter(entry, deliveries, describe(cause));
      } else {
        log.warn(
            "Handling {} {} for group {} failed (attempt {} of {}); it stays pending",
            event.type(),
            event.id(),
            group,
            deliveries,
            settings.maxAttempts(),
            cause);
      }
      return;
    }
    acknowledge(entry);
    (firstTime ? consumed : duplicates).increment();
  }

  /**
   * @return false if the group had already handled this event (a duplicate entry or a redelivery
   *     after a commit whose acknowledgement was lost)
   */
  private boolean handleOnce(EventEnvelope event) {
    int recorded =
        jdbc.sql(
                """
                insert into processed_event (consumer_group, event_id)
                values (:group, :eventId)
                on conflict do nothing
                """)
            .param("group", group)
            .param("eventId", event.id())
            .update();
    if (recorded == 0) {
      return false;
    }
    try {
      subscription.handler().handle(event);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new HandlerFailedException(e);
    }
    return true;
  }

  private void deadLetter(MapRecord<String, Object, Object> entry, long deliveries, String error) {
    Map<String, String> fields = new LinkedHashMap<>();
    entry.getValue().forEach((name, value) -> fields.put(name.toString(), String.valueOf(value)));
    fields.put("error", error);
    fields.put("group", group);
    fields.put("consumer", consumer.getName());
    fields.put("deliveries", Long.toString(deliveries));
    fields.put("sourceEntryId", entry.getId().getValue());
    fields.put("deadLetteredAt", Instant.now().toString());
    streams.add(
        StreamRecords.newRecord().in(deadLetterStream(stream)).ofMap(fields), deadLetterTrimming);
    acknowledge(entry);
    deadLettered.increment();
    log.error(
        "Parked entry {} of {} for group {} in {} after {} deliveries: {}",
        entry.getId(),
        stream,
        group,
        deadLetterStream(stream),
        deliveries,
        error);
  }

  static String deadLetterStream(String stream) {
    return stream + ".dlq";
  }

  private void acknowledge(MapRecord<String, Object, Object> entry) {
    streams.acknowledge(stream, group, entry.getId());
  }

  private static String describe(Throwable error) {
    String text = error.getClass().getName() + ": " + error.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  private static boolean mentions(Throwable error, String text) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private void pause() {
    try {
      Thread.sleep(BACKOFF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  // Log the first failure of a streak only: a Redis outage must not flood the log every second.
  private void reportFailure(RuntimeException e) {
    if (!failing) {
      failing = true;
      log.warn("Consumer {} of {} failed; retrying every {}", consumer, stream, BACKOFF, e);
    } else {
      log.debug("Consumer {} of {} still failing", consumer, stream, e);
    }
  }

  private void reportSuccess() {
    if (failing) {
      failing = false;
      log.info("Consumer {} of {} recovered", consumer, stream);
    }
  }

  /** Carries a checked exception out of the transaction callback, so it rolls back. */
  private static final class HandlerFailedException extends RuntimeException {
    HandlerFailedException(Exception cause) {
      super(cause);
    }
  }
}
