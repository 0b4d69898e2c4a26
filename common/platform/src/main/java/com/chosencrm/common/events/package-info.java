/**
 * Domain events between services: a transactional outbox in each service's schema, a relay that
 * publishes it to the service's Redis stream, and consumer groups that handle each event once.
 *
 * <p>A service publishes with {@link com.chosencrm.common.events.EventPublisher} inside its own
 * transaction, and subscribes by declaring an {@link com.chosencrm.common.events.EventSubscription}
 * bean. Everything else here is wiring. See {@code docs/events.md} and {@code
 * docs/adr/0002-event-transport.md}.
 */
@NullMarked
package com.chosencrm.common.events;

import org.jspecify.annotations.NullMarked;
