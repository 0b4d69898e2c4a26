package com.chosencrm.common.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service publishes and consumes events. The defaults suit production; tests shorten the
 * intervals.
 *
 * @param stream the stream this service publishes to; {@code events.<spring.application.name>} when
 *     unset
 * @param purgeInterval how often published outbox rows and old processed-event rows are deleted
 * @param relay the outbox relay
 * @param consumer the consumers of {@link EventSubscription}s
 */
@Validated
@ConfigurationProperties("chosencrm.events")
public record EventsProperties(
    @Nullable String stream,
    @DefaultValue("1h") @NotNull @DurationMin(millis = 1) Duration purgeInterval,
    @DefaultValue @Valid Relay relay,
    @DefaultValue @Valid Consumer consumer) {

  /**
   * @param enabled whether this instance runs the relay loop (and the outbox purge)
   * @param interval pause between polls of the outbox when it was found drained
   * @param batchSize rows published per transaction
   * @param maxLength approximate cap on the stream's length ({@code MAXLEN ~})
   * @param retention how long published rows are kept, for inspection and replay by hand
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("250ms") @NotNull @DurationMin(millis = 1) Duration interval,
      @DefaultValue("100") @Min(1) int batchSize,
      @DefaultValue("1000000") @Min(1) long maxLength,
      @DefaultValue("7d") @NotNull Duration retention) {}

  /**
   * @param name this instance's consumer name; stable across restarts when set (say, to the pod
   *     name of a StatefulSet), otherwise the host name plus a random suffix
   * @param block how long one read waits for new entries; also bounds how long stopping takes
   * @param batchSize entries read at once
   * @param claimIdle how long an entry stays unacknowledged before another instance takes it over
   * @param reclaimInterval how often idle entries are looked for
   * @param maxAttempts deliveries of an entry before it is parked in {@code <stream>.dlq}
   * @param processedRetention how long processed event ids are remembered for de-duplication
   * @param expireAfter idle time after which a consumer with nothing pending is removed from its
   *     group (names with a random suffix would otherwise pile up with every deploy)
   * @param shutdownTimeout how long stopping waits for a running handler before interrupting it
   */
  public record Consumer(
      @Nullable String name,
      @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration block,
      @DefaultValue("10") @Min(1) int batchSize,
      @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration claimIdle,
      @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration reclaimInterval,
      @DefaultValue("5") @Min(1) int maxAttempts,
      @DefaultValue("30d") @NotNull Duration processedRetention,
      @DefaultValue("1d") @NotNull Duration expireAfter,
      @DefaultValue("10s") @NotNull Duration shutdownTimeout) {}
}
