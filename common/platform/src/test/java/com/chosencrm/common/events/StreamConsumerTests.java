package com.chosencrm.common.events;

import static com.chosencrm.common.events.EventsIntegrationTest.PROBE_GROUP;
import static com.chosencrm.common.events.EventsIntegrationTest.PROBE_TYPE;
import static com.chosencrm.common.events.EventsIntegrationTest.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@EventsIntegrationTest
class StreamConsumerTests {

  @Autowired EventConsumers consumers;
  @Autowired EventPublisher publisher;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void createEffectTable() {
    TestEvents.createEffectTable(jdbc);
  }

  /** The subscription is a bean, as a service declares it (see EventsIntegrationTest). */
  @Test
  void whenServiceDeclaresASubscription_thenEventsOfItsTypesAreHandled() {
    UUID tenant = UUID.randomUUID();
    UUID ignored =
        transactions.execute(
            status -> publisher.publish("SomethingElse", tenant, UUID.randomUUID(), Map.of()));
    UUID handled =
        transactions.execute(
            status ->
                publisher.publish(PROBE_TYPE, tenant, UUID.randomUUID(), Map.of("name", "Ada")));

    await().atMost(Duration.ofSeconds(10)).until(() -> effects(handled) == 1);
    RecordId ignoredEntry = TestEvents.entriesOf(redis, STREAM, ignored).getFirst().getId();
    RecordId handledEntry = TestEvents.entriesOf(redis, STREAM, handled).getFirst().getId();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                TestEvents.settled(redis, STREAM, PROBE_GROUP, ignoredEntry)
                    && TestEvents.settled(redis, STREAM, PROBE_GROUP, handledEntry));
    assertThat(effects(ignored)).isZero();
    assertThat(effects(handled)).isOne();
  }

  @Test
  void whenConsumerStopsMidBatch_thenUnacknowledgedEntriesAreRedeliveredAfterRestartOnce()
      throws Exception {
    String stream = "test.crash." + UUID.randomUUID();
    String group = "crash-group";
    List<EventEnvelope> events =
        List.of(
            TestEvents.envelope("Counted"),
            TestEvents.envelope("Counted"),
            TestEvents.envelope("Counted"),
            TestEvents.envelope("Counted"),
            TestEvents.envelope("Counted"));
    events.forEach(event -> TestEvents.append(redis, stream, event));
    CountDownLatch secondInProgress = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    // Long claim-idle: recovery must come from the restart, not from the reclaimer.
    EventsProperties.Consumer settings = settings(Duration.ofMinutes(5), 5);

    StreamConsumer crashing =
        consumers.consumer(
            EventSubscription.of(
                stream,
                group,
                event -> {
                  TestEvents.recordEffect(jdbc, event, group);
                  if (event.id().equals(events.get(1).id())) {
                    secondInProgress.countDown();
                    never.await(); // hangs until the stop interrupts it
                  }
                }),
            "instance-1",
            settings);
    crashing.start();
    assertThat(secondInProgress.await(10, TimeUnit.SECONDS)).isTrue();
    crashing.stop();

    assertThat(effects(events.get(0).id())).isOne();
    for (EventEnvelope unfinished : events.subList(1, 5)) {
      assertThat(effects(unfinished.id())).isZero();
    }
    assertThat(TestEvents.pending(redis, stream, group)).isEqualTo(4);

    StreamConsumer restarted =
        consumers.consumer(
            EventSubscription.of(
                stream, group, event -> TestEvents.recordEffect(jdbc, event, group)),
            "instance-1",
            settings);
    restarted.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> TestEvents.pending(redis, stream, group) == 0);
    } finally {
      restarted.stop();
    }
    for (EventEnvelope event : events) {
      assertThat(effects(event.id())).as("effects of %s", event.id()).isOne();
    }
  }

  @Test
  void whenAnInstanceDies_thenAnotherClaimsItsIdleEntriesAndTheDeadConsumerIsRemoved() {
    String stream = "test.takeover." + UUID.randomUUID();
    String group = "takeover-group";
    List<EventEnvelope> events =
        List.of(TestEvents.envelope("Counted"), TestEvents.envelope("Counted"));
    events.forEach(event -> TestEvents.append(redis, stream, event));
    // An instance that read both entries and was never heard of again.
    redis.opsForStream().createGroup(stream, ReadOffset.from("0"), group);
    List<MapRecord<String, Object, Object>> taken =
        redis
            .opsForStream()
            .read(
                Consumer.from(group, "dead-instance"),
                StreamReadOptions.empty().count(10),
                StreamOffset.create(stream, ReadOffset.lastConsumed()));
    assertThat(taken).hasSize(2);

    EventsProperties.Consumer settings =
        new EventsProperties.Consumer(
            null,
            Duration.ofMillis(100),
            10,
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            5,
            Duration.ofDays(30),
            Duration.ofMillis(200),
            Duration.ofMillis(500));
    StreamConsumer survivor =
        consumers.consumer(
            EventSubscription.of(
                stream, group, event -> TestEvents.recordEffect(jdbc, event, group)),
            "survivor",
            settings);
    survivor.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> effects(events.get(0).id()) == 1 && effects(events.get(1).id()) == 1);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  redis.opsForStream().consumers(stream, group).stream()
                      .map(XInfoConsumer::consumerName)
                      .toList()
                      .equals(List.of("survivor")));
    } finally {
      survivor.stop();
    }
    assertThat(TestEvents.pending(redis, stream, group)).isZero();
  }

  @Test
  void whenTheSameEventIsDeliveredTwice_thenItHasOneEffect() {
    String stream = "test.duplicate." + UUID.randomUUID();
    String group = "duplicate-group";
    EventEnvelope event = TestEvents.envelope("Counted");
    TestEvents.append(redis, stream, event);
    RecordId second = TestEvents.append(redis, stream, event);

    StreamConsumer consumer =
        consumers.consumer(
            EventSubscription.of(stream, group, e -> TestEvents.recordEffect(jdbc, e, group)),
            "instance-1",
            settings(Duration.ofMinutes(5), 5));
    consumer.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> TestEvents.settled(redis, stream, group, second));
    } finally {
      consumer.stop();
    }
    assertThat(effects(event.id())).isOne();
    assertThat(
            meters.counter("chosencrm.events.duplicates", "stream", stream, "group", group).count())
        .isEqualTo(1.0);
  }

  @Test
  void whenAHandlerKeepsFailing_thenTheEntryIsDeadLetteredAfterMaxAttempts() {
    String stream = "test.poison." + UUID.randomUUID();
    String group = "poison-group";
    EventEnvelope poison = TestEvents.envelope("Poison");
    EventEnvelope healthy = TestEvents.envelope("Counted");
    TestEvents.append(redis, stream, poison);
    TestEvents.append(redis, stream, healthy);
    AtomicInteger attempts = new AtomicInteger();

    StreamConsumer consumer =
        consumers.consumer(
            EventSubscription.of(
                stream,
                group,
                event -> {
                  TestEvents.recordEffect(jdbc, event, group);
                  if (event.type().equals("Poison")) {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("cannot handle " + event.id());
                  }
                }),
            "instance-1",
            settings(Duration.ofMillis(200), 3));
    consumer.start();
    List<MapRecord<String, Object, Object>> parked;
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> redis.opsForStream().size(stream + ".dlq") == 1);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> TestEvents.pending(redis, stream, group) == 0);
      parked = redis.opsForStream().range(stream + ".dlq", Range.unbounded());
    } finally {
      consumer.stop();
    }

    assertThat(attempts).hasValue(3);
    assertThat(parked).hasSize(1);
    assertThat(parked.getFirst().getValue())
        .containsEntry("id", poison.id().toString())
        .containsEntry("type", "Poison")
        .containsEntry("group", group)
        .containsEntry("deliveries", "3")
        .containsKey("payload");
    assertThat((String) parked.getFirst().getValue().get("error"))
        .contains("IllegalStateException", "cannot handle " + poison.id());
    assertThat(effects(poison.id())).as("every failed attempt rolled back").isZero();
    assertThat(effects(healthy.id())).isOne();
    assertThat(
            meters
                .counter("chosencrm.events.dead.lettered", "stream", stream, "group", group)
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void whenAnEntryKeptKillingTheProcess_thenAfterRestartItIsParkedWithoutBeingHandledAgain() {
    String stream = "test.crashloop." + UUID.randomUUID();
    String group = "crashloop-group";
    EventEnvelope killer = TestEvents.envelope("Counted");
    TestEvents.append(redis, stream, killer);
    redis.opsForStream().createGroup(stream, ReadOffset.from("0"), group);
    // Two deliveries to instance-1, each ended by the process dying inside the handler.
    Consumer instance = Consumer.from(group, "instance-1");
    StreamReadOptions read = StreamReadOptions.empty().count(10);
    redis
        .opsForStream()
        .read(instance, read, StreamOffset.create(stream, ReadOffset.lastConsumed()));
    redis.opsForStream().read(instance, read, StreamOffset.create(stream, ReadOffset.from("0")));
    AtomicInteger handled = new AtomicInteger();

    StreamConsumer restarted =
        consumers.consumer(
            EventSubscription.of(stream, group, event -> handled.incrementAndGet()),
            "instance-1",
            settings(Duration.ofMinutes(5), 2));
    restarted.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> redis.opsForStream().size(stream + ".dlq") == 1);
    } finally {
      restarted.stop();
    }
    assertThat(handled).hasValue(0);
    Map<Object, Object> parked =
        redis.opsForStream().range(stream + ".dlq", Range.unbounded()).getFirst().getValue();
    assertThat(parked).containsEntry("id", killer.id().toString()).containsEntry("deliveries", "3");
    assertThat((String) parked.get("error")).contains("without being acknowledged");
  }

  @Test
  void whenAnEntryIsMalformed_thenItIsDeadLetteredWithoutRetries() {
    String stream = "test.malformed." + UUID.randomUUID();
    String group = "malformed-group";
    redis
        .opsForStream()
        .add(
            StreamRecords.newRecord()
                .in(stream)
                .ofMap(Map.of("id", "not-a-uuid", "type", "Broken")));
    AtomicInteger handled = new AtomicInteger();

    StreamConsumer consumer =
        consumers.consumer(
            EventSubscription.of(stream, group, event -> handled.incrementAndGet()),
            "instance-1",
            settings(Duration.ofMinutes(5), 5));
    consumer.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> redis.opsForStream().size(stream + ".dlq") == 1);
    } finally {
      consumer.stop();
    }
    assertThat(handled).hasValue(0);
    assertThat(TestEvents.pending(redis, stream, group)).isZero();
    assertThat(redis.opsForStream().range(stream + ".dlq", Range.unbounded()).getFirst().getValue())
        .containsEntry("deliveries", "1")
        .containsEntry("type", "Broken");
  }

  private static EventsProperties.Consumer settings(Duration claimIdle, int maxAttempts) {
    return new EventsProperties.Consumer(
        null,
        Duration.ofMillis(100),
        10,
        claimIdle,
        Duration.ofMillis(50),
        maxAttempts,
        Duration.ofDays(30),
        Duration.ofDays(1),
        Duration.ofMillis(500));
  }

  private long effects(UUID eventId) {
    return TestEvents.effects(jdbc, eventId);
  }
}
