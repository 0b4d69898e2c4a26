package com.chosencrm.user.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the refresh_token table from growing without end: daily by default, {@code
 * chosencrm.auth.refresh-token-purge-cron} to change it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredRefreshTokenPurge {

  private final SessionService sessions;

  ExpiredRefreshTokenPurge(SessionService sessions) {
    this.sessions = sessions;
  }

  @Scheduled(cron = "${chosencrm.auth.refresh-token-purge-cron:0 17 3 * * *}")
  void purge() {
    sessions.purgeExpired();
  }
}
