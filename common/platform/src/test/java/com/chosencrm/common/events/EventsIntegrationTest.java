package com.chosencrm.common.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one Spring context the events tests share (identical configuration, so Spring's context cache
 * starts it once): short intervals, a stable consumer name, and a subscription declared the way a
 * service declares one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "chosencrm.events.relay.interval=50ms",
      "chosencrm.events.relay.batch-size=20",
      "chosencrm.events.consumer.name=platform-test-1",
      "chosencrm.events.consumer.block=100ms",
      "chosencrm.events.consumer.shutdown-timeout=500ms"
    })
@Import(EventsIntegrationTest.ProbeSubscription.class)
@interface EventsIntegrationTest {

  String STREAM = "events.platform-test";
  String PROBE_GROUP = "probe-consumers";
  String PROBE_TYPE = "ProbeDelivered";

  @TestConfiguration(proxyBeanMethods = false)
  class ProbeSubscription {

    @Bean
    EventSubscription probeEvents(JdbcClient jdbc) {
      return EventSubscription.of(
              STREAM, PROBE_GROUP, event -> TestEvents.recordEffect(jdbc, event, PROBE_GROUP))
          .onlyTypes(PROBE_TYPE);
    }
  }
}
