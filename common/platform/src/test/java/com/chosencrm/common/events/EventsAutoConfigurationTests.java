package com.chosencrm.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding and conditions only: no database or Redis here. */
class EventsAutoConfigurationTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EventsProperties.class)
  static class BindProperties {}

  final ApplicationContextRunner properties =
      new ApplicationContextRunner().withUserConfiguration(BindProperties.class);

  @Test
  void whenNothingIsSet_thenDefaultsSuitProduction() {
    properties.run(
        context -> {
          EventsProperties events = context.getBean(EventsProperties.class);
          assertThat(events.stream()).isNull();
          assertThat(events.relay().enabled()).isTrue();
          assertThat(events.relay().interval()).isEqualTo(Duration.ofMillis(250));
          assertThat(events.relay().maxLength()).isEqualTo(1_000_000);
          assertThat(events.consumer().name()).isNull();
          assertThat(events.consumer().maxAttempts()).isEqualTo(5);
          assertThat(events.consumer().claimIdle()).isEqualTo(Duration.ofSeconds(60));
        });
  }

  @Test
  void whenASettingIsOutOfRange_thenStartupFails() {
    properties
        .withPropertyValues("chosencrm.events.consumer.max-attempts=0")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("consumer.maxAttempts"));
    // A zero block would make XREADGROUP wait forever, and shutdown with it.
    properties
        .withPropertyValues("chosencrm.events.consumer.block=0s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("consumer.block"));
  }

  @Test
  void whenThereIsNoDatabaseOrRedis_thenEventsBackOff() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(EventsAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(EventPublisher.class)
                    .doesNotHaveBean(OutboxRelay.class));
  }
}
