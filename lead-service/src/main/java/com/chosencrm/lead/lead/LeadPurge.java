package com.chosencrm.lead.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes leads deleted longer ago than the restore window, with their history and assignments.
 * Every instance schedules it; a transaction-scoped advisory lock lets one of them work at a time
 * and the others skip the round, so several instances are safe without a lock table.
 */
@Component
class LeadPurge {

  private static final Logger log = LoggerFactory.getLogger(LeadPurge.class);
  private static final int CHUNK = 1_000;

  private final JdbcClient jdbc;
  private final LeadProperties properties;
  private final Clock clock;

  LeadPurge(JdbcClient jdbc, LeadProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${chosencrm.leads.purge-interval:1h}",
      fixedDelayString = "${chosencrm.leads.purge-interval:1h}")
  void purgeOnSchedule() {
    int purged = purge();
    if (purged > 0) {
      log.info("Purged {} leads deleted more than {} ago", purged, properties.deletedRetention());
    }
  }

  /** Answers how many leads were removed; 0 if another instance is purging right now. */
  @Transactional
  public int purge() {
    boolean mine =
        jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('lead-service:purge', 0))")
            .query(Boolean.class)
            .single();
    if (!mine) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(properties.deletedRetention());
    int total = 0;
    int removed;
    do {
      // History and assignments go with the lead (no foreign keys: see V4).
      removed =
          jdbc.sql(
                  """
                  with gone as (
                    delete from lead where id in (
                        select id from lead
                         where deleted_at is not null and deleted_at < :cutoff
                         order by deleted_at limit :chunk)
                    returning id, tenant_id),
                  history as (
                    delete from lead_history h using gone
                     where h.tenant_id = gone.tenant_id and h.lead_id = gone.id),
                  assignments as (
                    delete from lead_assignment a using gone
                     where a.tenant_id = gone.tenant_id and a.lead_id = gone.id)
                  select count(*) from gone
                  """)
              .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
              .param("chunk", CHUNK)
              .query(Integer.class)
              .single();
      total += removed;
    } while (removed == CHUNK);
    return total;
  }
}
