package com.chosencrm.lead.assignment;

import com.chosencrm.lead.agent.AgentDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses assignees automatically: by the tenant's rules for new leads, and round robin over a team
 * when a user hands leads to a team. Work happens in a {@link RoutingSession} inside the caller's
 * transaction, which holds the row locks on the pointers it used until it commits.
 */
@Service
public class LeadRouter {

  private final AssignmentRules rules;
  private final AgentDirectory agents;
  private final AssignmentLog log;
  private final OpenLeadCounts openLeads;
  private final JdbcClient jdbc;
  private final Clock clock;

  LeadRouter(
      AssignmentRules rules,
      AgentDirectory agents,
      AssignmentLog log,
      OpenLeadCounts openLeads,
      JdbcClient jdbc,
      Clock clock) {
    this.rules = rules;
    this.agents = agents;
    this.log = log;
    this.openLeads = openLeads;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A session for assigning {@code expectedLeads} leads of the tenant. For more than one lead every
   * pointer the rules may need is locked up front, in a fixed order, so that two batches running at
   * once cannot deadlock on each other's pointers.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public RoutingSession open(UUID tenantId, int expectedLeads) {
    return open(tenantId, expectedLeads, false);
  }

  /**
   * Like {@link #open}, for large batches: pointer moves stay in memory until {@link
   * RoutingSession#flush}, which the caller must call before its transaction commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public RoutingSession openBatch(UUID tenantId, int expectedLeads) {
    return open(tenantId, expectedLeads, true);
  }

  private RoutingSession open(UUID tenantId, int expectedLeads, boolean deferWrites) {
    Instant now = clock.instant();
    ZoneId zone = rules.timeZone(tenantId);
    Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    RoutingSession session =
        new RoutingSession(
            tenantId,
            now,
            dayStart,
            rules.enabledRules(tenantId),
            agents,
            log,
            openLeads,
            new AssignmentPointers(jdbc, tenantId, deferWrites));
    if (expectedLeads > 1) {
      session.lockRulePointers();
    }
    return session;
  }
}
