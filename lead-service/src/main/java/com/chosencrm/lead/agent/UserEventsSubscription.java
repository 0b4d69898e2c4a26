package com.chosencrm.lead.agent;

import com.chosencrm.common.events.EventSubscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the agent read model in step with user-service (ADR 0006). */
@Configuration(proxyBeanMethods = false)
class UserEventsSubscription {

  @Bean
  EventSubscription userEvents(
      AgentDirectory directory,
      @Value("${chosencrm.leads.user-events-stream:events.user-service}") String stream,
      @Value("${spring.application.name}") String group) {
    return EventSubscription.of(stream, group, directory::apply).onlyTypes(UserEvents.ALL);
  }
}
