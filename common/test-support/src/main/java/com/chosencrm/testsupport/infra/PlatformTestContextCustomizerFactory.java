package com.chosencrm.testsupport.infra;

import com.chosencrm.testsupport.tokens.TestJwks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context of a service at real infrastructure: a database of its own on
 * the JVM's shared PostgreSQL, a clean logical database on the shared Redis, and the test JWKS.
 * Registered in {@code META-INF/spring.factories}, so depending on test-support is all it takes.
 */
public class PlatformTestContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new InfrastructureCustomizer();
  }

  private static final class InfrastructureCustomizer implements ContextCustomizer {

    private static final AtomicInteger REDIS_DATABASES = new AtomicInteger();

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      TestInfrastructure.DatabaseCoordinates database = TestInfrastructure.newDatabase();
      TestInfrastructure.RedisEndpoint redis = TestInfrastructure.redis();
      int redisDatabase = REDIS_DATABASES.getAndIncrement() % 16;
      TestInfrastructure.flushRedis(redisDatabase);

      Map<String, Object> properties = new HashMap<>();
      properties.put("spring.datasource.url", database.url());
      properties.put("spring.datasource.username", database.username());
      properties.put("spring.datasource.password", database.password());
      properties.put("spring.datasource.hikari.maximum-pool-size", "8");
      properties.put("spring.data.redis.host", redis.host());
      properties.put("spring.data.redis.port", String.valueOf(redis.port()));
      properties.put("spring.data.redis.database", String.valueOf(redisDatabase));
      properties.put("chosencrm.security.jwk-set-uri", TestJwks.uri());
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("chosencrmTestInfrastructure", properties));
    }

    // Equal for every test class, so Spring's context cache still shares identical contexts.
    @Override
    public boolean equals(Object other) {
      return other instanceof InfrastructureCustomizer;
    }

    @Override
    public int hashCode() {
      return InfrastructureCustomizer.class.hashCode();
    }
  }
}
