package com.chosencrm.common.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service with a database and Redis the transactional outbox ({@link EventPublisher}),
 * the relay to its stream {@code events.<spring.application.name>}, and runs the {@link
 * EventSubscription} beans it declares. The tables come from the platform migrations in {@code
 * db/platform}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnBean({DataSource.class, RedisConnectionFactory.class})
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  /**
   * Stop after the web server has drained its requests (so their events still get relayed) and
   * before the Redis connection factory (phase 0) closes under the relay and the consumers.
   */
  static final int LIFECYCLE_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  @Bean
  @ConditionalOnMissingBean(EventPublisher.class)
  EventPublisher outboxEventPublisher(DataSource dataSource, ObjectProvider<JsonMapper> json) {
    return new OutboxEventPublisher(
        JdbcClient.create(dataSource), json.getIfAvailable(JsonMapper::shared));
  }

  @Bean
  EventMetrics eventMetrics(ObjectProvider<MeterRegistry> registry) {
    return new EventMetrics(registry.getIfUnique(SimpleMeterRegistry::new));
  }

  @Bean
  OutboxRelay outboxRelay(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      RedisConnectionFactory redis,
      EventsProperties properties,
      Environment environment,
      EventMetrics metrics) {
    return new OutboxRelay(
        JdbcClient.create(dataSource),
        new TransactionTemplate(transactionManager),
        streams(redis),
        publishedStream(properties, environment),
        properties.relay(),
        properties.purgeInterval(),
        metrics);
  }

  @Bean
  EventConsumers eventConsumers(
      ObjectProvider<EventSubscription> subscriptions,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      RedisConnectionFactory redis,
      ObjectProvider<JsonMapper> json,
      EventsProperties properties,
      EventMetrics metrics) {
    List<EventSubscription> declared = subscriptions.orderedStream().toList();
    requireDistinctGroups(declared);
    return new EventConsumers(
        declared,
        consumerName(properties.consumer()),
        properties,
        streams(redis),
        new TransactionTemplate(transactionManager),
        JdbcClient.create(dataSource),
        json.getIfAvailable(JsonMapper::shared),
        metrics);
  }

  private static StreamOperations<String, Object, Object> streams(RedisConnectionFactory redis) {
    return new StringRedisTemplate(redis).opsForStream();
  }

  private static String publishedStream(EventsProperties properties, Environment environment) {
    if (properties.stream() != null) {
      return properties.stream();
    }
    String application = environment.getProperty("spring.application.name");
    if (application == null || application.isBlank()) {
      throw new IllegalStateException(
          "Set spring.application.name (or chosencrm.events.stream) to name this service's"
              + " event stream");
    }
    return "events." + application;
  }

  /**
   * Unique per instance so that instances never share pending entries; stable across restarts only
   * when configured, since a host name alone is not unique when instances share a host.
   */
  private static String consumerName(EventsProperties.Consumer settings) {
    if (settings.name() != null && !settings.name().isBlank()) {
      return settings.name();
    }
    String host = System.getenv().getOrDefault("HOSTNAME", "instance");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // Two subscriptions in one group would share a consumer name, and so each other's entries.
  private static void requireDistinctGroups(List<EventSubscription> subscriptions) {
    Set<String> seen = new HashSet<>();
    for (EventSubscription subscription : subscriptions) {
      if (!seen.add(subscription.stream() + " " + subscription.group())) {
        throw new IllegalStateException(
            "More than one EventSubscription for group "
                + subscription.group()
                + " on stream "
                + subscription.stream()
                + "; handle every type in one subscription");
      }
    }
  }
}
