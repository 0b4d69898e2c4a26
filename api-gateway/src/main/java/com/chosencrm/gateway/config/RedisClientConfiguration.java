package com.chosencrm.gateway.config;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request waits on Redis once (deny-list and rate limit in one script), and by default
 * Lettuce hands each answer to the rest of the request on its single I/O thread of the shared
 * connection: the whole gateway then runs on one thread. Publishing on Lettuce's computation pool
 * spreads the work over the cores again.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

  @Bean
  LettuceClientOptionsBuilderCustomizer publishRedisAnswersOffTheIoThread() {
    return options -> options.publishOnScheduler(true);
  }
}
