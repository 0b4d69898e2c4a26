package com.chosencrm.common.events;

import java.util.Arrays;
import java.util.Set;
import org.springframework.util.Assert;

/**
 * Declared as a bean by a service that consumes events; the platform library runs it. Every
 * instance of the service joins the same consumer group, so each event is handled by one of them,
 * once.
 *
 * <pre>{@code
 * @Bean
 * EventSubscription userEvents(UserDirectory directory) {
 *   return EventSubscription.of("events.user-service", "reporting-service", directory::apply)
 *       .onlyTypes("UserCreated", "UserDeactivated");
 * }
 * }</pre>
 *
 * A new group starts at the oldest entry the stream still holds, so no event is missed whichever
 * service is deployed first.
 *
 * @param stream the producer's stream, {@code events.<producer spring.application.name>}
 * @param group the consumer group, normally the consuming service's name
 * @param types event types to handle; others are acknowledged unhandled. Empty means all.
 * @param handler what to do with each event
 */
public record EventSubscription(
    String stream, String group, Set<String> types, EventHandler handler) {

  public EventSubscription {
    Assert.hasText(stream, "stream must not be blank");
    Assert.hasText(group, "group must not be blank");
    Assert.notNull(handler, "handler must not be null");
    types = Set.copyOf(types);
  }

  /** Every event type on the stream. */
  public static EventSubscription of(String stream, String group, EventHandler handler) {
    return new EventSubscription(stream, group, Set.of(), handler);
  }

  /** The same subscription, handling only the given types. */
  public EventSubscription onlyTypes(String... types) {
    return new EventSubscription(stream, group, Set.copyOf(Arrays.asList(types)), handler);
  }

  boolean accepts(String type) {
    return types.isEmpty() || types.contains(type);
  }
}
