package com.chosencrm.common.events;

import java.util.UUID;

/**
 * Records a domain event in the service's transactional outbox. Must be called inside the
 * transaction that makes the change: the event is published if and only if that transaction
 * commits.
 */
public interface EventPublisher {

  /**
   * @param type event type, e.g. {@code UserCreated} (see docs/events.md)
   * @param tenantId tenant the event belongs to
   * @param aggregateId id of the changed thing
   * @param payload a record or map, serialised as JSON
   * @return the event id (UUIDv7)
   */
  UUID publish(String type, UUID tenantId, UUID aggregateId, Object payload);
}
