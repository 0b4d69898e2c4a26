package com.chosencrm.lead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on real PostgreSQL and Redis, with user-service on WireMock, MockMvc and {@link
 * Fixtures}. Every test class using it shares one context; tests keep apart by creating a tenant of
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "chosencrm.events.relay.interval=100ms",
      "chosencrm.events.consumer.block=100ms",
      "chosencrm.events.consumer.name=lead-service-test",
      "chosencrm.events.consumer.shutdown-timeout=500ms",
      "chosencrm.leads.user-service.retries=1",
      // Small limits, so that import tests can cross them with small files.
      "chosencrm.import.max-rows=300",
      "chosencrm.import.max-file-size=3MB",
      "chosencrm.import.batch-size=40",
      "chosencrm.import.poll-interval=200ms"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = UserServiceStub.Initializer.class)
@Import({Fixtures.class, com.chosencrm.lead.importing.Imports.class})
public @interface LeadServiceTest {}
