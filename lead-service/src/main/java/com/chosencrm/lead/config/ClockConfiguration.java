package com.chosencrm.lead.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock of every time-dependent rule (pauses, daily caps, purge), and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
