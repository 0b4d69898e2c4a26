package com.chosencrm.common.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every service shares, added with the lowest precedence so that a service's own
 * {@code application.yml} or the environment can still override them. A service declares only
 * {@code spring.application.name} and {@code chosencrm.schema}.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "chosencrmPlatformDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("spring.threads.virtual.enabled", "true");
    defaults.put("spring.jpa.open-in-view", "false");
    defaults.put("server.shutdown", "graceful");
    // Behind the gateway: take the client address from X-Forwarded-For, but only when the
    // direct peer is an internal proxy address (Tomcat's RemoteIpValve rules).
    defaults.put("server.forward-headers-strategy", "native");
    defaults.put("server.error.include-message", "never");
    defaults.put("server.error.include-stacktrace", "never");
    defaults.put("spring.flyway.schemas", "${chosencrm.schema}");
    defaults.put("spring.flyway.default-schema", "${chosencrm.schema}");
    defaults.put("spring.flyway.create-schemas", "true");
    defaults.put("spring.flyway.locations", "classpath:db/migration,classpath:db/platform");
    // Unqualified SQL (the outbox, JdbcClient queries) resolves to the service's own schema.
    defaults.put("spring.datasource.hikari.schema", "${chosencrm.schema}");
    defaults.put("spring.jpa.properties.hibernate.default_schema", "${chosencrm.schema}");
    defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
    defaults.put("spring.jpa.properties.hibernate.jdbc.batch_size", "100");
    defaults.put("spring.jpa.properties.hibernate.order_inserts", "true");
    defaults.put("spring.jpa.properties.hibernate.order_updates", "true");
    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    defaults.put("management.info.build.enabled", "true");
    // Per-filter security observations wrap each of the ~15 security filters of every request
    // and feed no tracer; request metrics come from http.server.requests. Nor does anything
    // listen for a ServletRequestHandledEvent per request.
    defaults.put("management.observations.enable.spring.security", "false");
    defaults.put("spring.mvc.publish-request-handled-events", "false");
    defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
    // Answers are JSON (not */*), and a @ModelAttribute filter is the query parameters it binds.
    defaults.put("springdoc.default-produces-media-type", "application/json");
    defaults.put("springdoc.default-flat-param-object", "true");
    boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
    boolean structured =
        environment.getProperty("chosencrm.logging.structured", Boolean.class, !local);
    if (structured) {
      defaults.put("logging.structured.format.console", "ecs");
    }
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
  }
}
