package com.chosencrm.common.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Starts a {@link StreamConsumer} for every {@link EventSubscription} bean, and stops them. */
final class EventConsumers implements SmartLifecycle {

  private final List<EventSubscription> subscriptions;
  private final String consumerName;
  private final EventsProperties properties;
  private final StreamOperations<String, Object, Object> streams;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final EventMetrics metrics;

  private final List<StreamConsumer> started = new ArrayList<>();
  private volatile boolean running;

  EventConsumers(
      List<EventSubscription> subscriptions,
      String consumerName,
      EventsProperties properties,
      StreamOperations<String, Object, Object> streams,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      JsonMapper json,
      EventMetrics metrics) {
    this.subscriptions = List.copyOf(subscriptions);
    this.consumerName = consumerName;
    this.properties = properties;
    this.streams = streams;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.json = json;
    this.metrics = metrics;
  }

  String consumerName() {
    return consumerName;
  }

  /** A consumer for {@code subscription}, not yet started; tests run their own this way. */
  StreamConsumer consumer(
      EventSubscription subscription, String name, EventsProperties.Consumer settings) {
    return new StreamConsumer(
        subscription,
        name,
        settings,
        properties.purgeInterval(),
        properties.relay().maxLength(),
        streams,
        transactions,
        jdbc,
        json,
        metrics);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    for (EventSubscription subscription : subscriptions) {
      StreamConsumer consumer = consumer(subscription, consumerName, properties.consumer());
      consumer.start();
      started.add(consumer);
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    // Signal all first, so that consumers wind down together rather than one after another.
    started.forEach(StreamConsumer::requestStop);
    started.forEach(StreamConsumer::stop);
    started.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return EventsAutoConfiguration.LIFECYCLE_PHASE;
  }
}
