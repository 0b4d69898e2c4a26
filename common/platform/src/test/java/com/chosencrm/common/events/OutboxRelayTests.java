package com.chosencrm.common.events;

import static com.chosencrm.common.events.EventsIntegrationTest.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@EventsIntegrationTest
class OutboxRelayTests {

  @Autowired EventPublisher publisher;
  @Autowired OutboxRelay relay;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;

  record ProbeHappened(String name, int count) {}

  @Test
  void streamIsNamedAfterTheApplication() {
    assertThat(relay.stream()).isEqualTo(STREAM);
  }

  @Test
  void whenTransactionRollsBack_thenEventIsNeverPublished() {
    AtomicReference<UUID> eventId = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      eventId.set(
                          publisher.publish(
                              "ProbeHappened",
                              UUID.randomUUID(),
                              UUID.randomUUID(),
                              new ProbeHappened("rolled back", 1)));
                      throw new IllegalStateException("the change itself failed");
                    }))
        .hasMessage("the change itself failed");

    relay.relayOnce();

    assertThat(eventId.get()).isNotNull();
    assertThat(outboxRows(eventId.get())).isZero();
    assertThat(TestEvents.entriesOf(redis, STREAM, eventId.get())).isEmpty();
  }

  @Test
  void whenTransactionCommits_thenStreamHoldsExactlyOneEntryWithTheEnvelope() {
    UUID tenant = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    UUID eventId =
        transactions.execute(
            status ->
                publisher.publish("ProbeHappened", tenant, aggregate, new ProbeHappened("Ada", 3)));

    relay.relayOnce();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !TestEvents.entriesOf(redis, STREAM, eventId).isEmpty());
    relay.relayOnce();
    relay.relayOnce();

    List<MapRecord<String, Object, Object>> entries = TestEvents.entriesOf(redis, STREAM, eventId);
    assertThat(entries).hasSize(1);
    Map<Object, Object> fields = entries.getFirst().getValue();
    assertThat(fields)
        .containsOnlyKeys("id", "type", "tenantId", "occurredAt", "aggregateId", "payload")
        .containsEntry("type", "ProbeHappened")
        .containsEntry("tenantId", tenant.toString())
        .containsEntry("aggregateId", aggregate.toString());
    OffsetDateTime occurredAt =
        jdbc.sql("select occurred_at from outbox_event where id = :id")
            .param("id", eventId)
            .query(OffsetDateTime.class)
            .single();
    assertThat(Instant.parse((String) fields.get("occurredAt"))).isEqualTo(occurredAt.toInstant());

    EventEnvelope envelope = StreamEntries.read(fields, JsonMapper.shared());
    assertThat(envelope.id()).isEqualTo(eventId);
    assertThat(envelope.payloadAs(ProbeHappened.class)).isEqualTo(new ProbeHappened("Ada", 3));
    assertThat(
            jdbc.sql("select published_at is not null from outbox_event where id = :id")
                .param("id", eventId)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void whenPublishedOutsideATransaction_thenItFailsLoudly() {
    assertThatThrownBy(
            () ->
                publisher.publish(
                    "ProbeHappened",
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    new ProbeHappened("no transaction", 0)))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void whenPayloadIsNotAnObject_thenPublishRejectsIt() {
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status ->
                        publisher.publish(
                            "ProbeHappened", UUID.randomUUID(), UUID.randomUUID(), "just text")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whenRelaysRunConcurrently_thenNoEventIsPublishedTwice() throws Exception {
    UUID tenant = UUID.randomUUID();
    List<UUID> ids =
        transactions.execute(
            status -> {
              List<UUID> published = new ArrayList<>();
              for (int i = 0; i < 300; i++) {
                published.add(
                    publisher.publish(
                        "ProbeHappened", tenant, UUID.randomUUID(), new ProbeHappened("n", i)));
              }
              return published;
            });

    // Four "instances" racing each other and the relay's own background loop.
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    try (ExecutorService instances = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        runs.add(
            instances.submit(
                () -> {
                  go.await();
                  while (relay.relayOnce() > 0) {
                    // drain
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get();
      }
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox_event where tenant_id = :tenant"
                                + " and published_at is null")
                        .param("tenant", tenant)
                        .query(Long.class)
                        .single()
                    == 0);

    Set<String> expected = ids.stream().map(UUID::toString).collect(Collectors.toSet());
    List<String> published =
        redis.opsForStream().range(STREAM, Range.unbounded()).stream()
            .map(entry -> (String) entry.getValue().get("id"))
            .filter(expected::contains)
            .toList();
    assertThat(published).hasSize(300).doesNotHaveDuplicates();
  }

  @Test
  void whenRelayIsStopped_thenNothingIsPublishedUntilItStartsAgain() throws Exception {
    relay.stop();
    UUID eventId;
    try {
      assertThat(relay.isRunning()).isFalse();
      eventId =
          transactions.execute(
              status ->
                  publisher.publish(
                      "ProbeHappened",
                      UUID.randomUUID(),
                      UUID.randomUUID(),
                      new ProbeHappened("while stopped", 1)));
      Thread.sleep(300); // six relay intervals
      assertThat(TestEvents.entriesOf(redis, STREAM, eventId)).isEmpty();
    } finally {
      relay.start();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> TestEvents.entriesOf(redis, STREAM, eventId).size() == 1);
  }

  @Test
  void whenPublishedRowsOutliveTheirRetention_thenPurgeDeletesOnlyThose() {
    UUID old = uuidV7At(Instant.now().minus(Duration.ofDays(8)));
    UUID recent = uuidV7At(Instant.now().minus(Duration.ofDays(6)));
    for (UUID id : List.of(old, recent)) {
      jdbc.sql(
              """
              insert into outbox_event
                (id, type, tenant_id, aggregate_id, occurred_at, payload, published_at)
              values (:id, 'ProbeHappened', :tenant, :aggregate, now(), '{}', now())
              """)
          .param("id", id)
          .param("tenant", UUID.randomUUID())
          .param("aggregate", UUID.randomUUID())
          .update();
    }

    relay.purgePublished();

    assertThat(outboxRows(old)).isZero();
    assertThat(outboxRows(recent)).isOne();
  }

  private long outboxRows(UUID id) {
    return jdbc.sql("select count(*) from outbox_event where id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private static UUID uuidV7At(Instant time) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (time.toEpochMilli() << 16) | 0x7000L | random.nextLong(0x1000L);
    long lsb = 0x8000000000000000L | random.nextLong(0x4000000000000000L);
    return new UUID(msb, lsb);
  }
}
