package com.chosencrm.common.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters an operator alerts on: a growing {@code failed} or any {@code dead.lettered} means a
 * consumer needs attention; {@code published} flat while a service is busy means the relay stalled.
 */
final class EventMetrics {

  private final MeterRegistry registry;

  EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Counter published(String stream) {
    return Counter.builder("chosencrm.events.published")
        .description("Outbox events published to the stream")
        .tag("stream", stream)
        .register(registry);
  }

  Counter consumed(String stream, String group) {
    return consumerCounter("chosencrm.events.consumed", "Events handled", stream, group);
  }

  Counter duplicates(String stream, String group) {
    return consumerCounter(
        "chosencrm.events.duplicates",
        "Deliveries of events the group had already handled",
        stream,
        group);
  }

  Counter failed(String stream, String group) {
    return consumerCounter(
        "chosencrm.events.failed", "Handler failures, left pending for retry", stream, group);
  }

  Counter deadLettered(String stream, String group) {
    return consumerCounter(
        "chosencrm.events.dead.lettered",
        "Entries parked in the dead-letter stream",
        stream,
        group);
  }

  private Counter consumerCounter(String name, String description, String stream, String group) {
    return Counter.builder(name)
        .description(description)
        .tag("stream", stream)
        .tag("group", group)
        .register(registry);
  }
}
