package com.chosencrm.common.events;

/**
 * Handles one event inside the consumer's database transaction. Throwing rolls that transaction
 * back and leaves the event pending, to be retried and, after too many attempts, dead-lettered.
 */
@FunctionalInterface
public interface EventHandler {

  void handle(EventEnvelope event) throws Exception;
}
