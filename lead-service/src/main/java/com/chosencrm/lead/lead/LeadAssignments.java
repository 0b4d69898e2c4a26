package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.web.RequestIds;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.assignment.AssignmentLog;
import com.chosencrm.lead.assignment.LeadRouter;
import com.chosencrm.lead.assignment.RoutingSession;
import com.chosencrm.lead.lead.LeadEvents.LeadAssigned;
import com.chosencrm.lead.lead.LeadHistory.Action;
import com.chosencrm.lead.lead.LeadHistory.Entry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing leads to people: one lead ({@code assign}, {@code reassign}), a selection (bulk), or all
 * of an agent's leads when they leave ({@code reassign-all}). Targets are a user, or a team whose
 * available agents take turns (round robin). Supervisors move leads within their team; admins
 * anywhere in the tenant.
 */
@Service
public class LeadAssignments {

  private final JdbcClient jdbc;
  private final LeadQueries queries;
  private final LeadHistory history;
  private final LeadEvents events;
  private final AgentDirectory agents;
  private final LeadRouter router;
  private final AssignmentLog assignmentLog;
  private final Clock clock;

  LeadAssignments(
      JdbcClient jdbc,
      LeadQueries queries,
      LeadHistory history,
      LeadEvents events,
      AgentDirectory agents,
      LeadRouter router,
      AssignmentLog assignmentLog,
      Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.history = history;
    this.events = events;
    this.agents = agents;
    this.router = router;
    this.assignmentLog = assignmentLog;
    this.clock = clock;
  }

  /** A user, or a team to go round robin over. Exactly one is set. */
  public record Target(UUID userId, UUID teamId) {

    public static Target user(UUID userId) {
      return new Target(userId, null);
    }

    public static Target team(UUID teamId) {
      return new Target(null, teamId);
    }
  }

  /** Assigns a lead that has no assignee yet. */
  @Transactional
  public LeadView assign(CurrentUser actor, UUID leadId, Target target, String reason) {
    LeadView lead = queries.find(actor, leadId, false).orElseThrow(() -> notFound(leadId));
    if (lead.assigneeId() != null) {
      throw new ConflictException(
          "The lead is already assigned to " + lead.assigneeId() + "; reassign it instead");
    }
    assignAll(actor, List.of(leadId), target, reason);
    return queries.view(actor.tenantId(), leadId);
  }

  /** Moves a lead from its assignee to someone else; the reason is required. */
  @Transactional
  public LeadView reassign(CurrentUser actor, UUID leadId, Target target, String reason) {
    LeadView lead = queries.find(actor, leadId, false).orElseThrow(() -> notFound(leadId));
    if (reason == null || reason.isBlank()) {
      throw InvalidRequestException.field("reason", "Say why the lead changes hands");
    }
    if (lead.assigneeId() == null) {
      throw new ConflictException("The lead has no assignee yet; assign it instead");
    }
    assignAll(actor, List.of(leadId), target, reason);
    return queries.view(actor.tenantId(), leadId);
  }

  /**
   * Every live lead of one user to another user or round robin over a team, e.g. when an agent
   * leaves. Answers how many leads moved.
   */
  @Transactional
  public int reassignAll(CurrentUser actor, UUID fromUserId, Target target, String reason) {
    AgentView from =
        agents
            .find(actor.tenantId(), fromUserId)
            .orElseThrow(() -> new NotFoundException("User", fromUserId));
    if (!actor.isAdmin() && !from.isInTeam(actor.teamId())) {
      throw new AccessDeniedException("Supervisors reassign the leads of their own team");
    }
    if (fromUserId.equals(target.userId())) {
      throw InvalidRequestException.field("toUserId", "Choose someone else than the current owner");
    }
    List<UUID> ids =
        jdbc.sql(
                """
                select id from lead
                 where tenant_id = :tenantId and assignee_id = :from and deleted_at is null
                 order by id
                """)
            .param("tenantId", actor.tenantId())
            .param("from", fromUserId)
            .query(UUID.class)
            .list();
    return assignAll(actor, ids, target, reason);
  }

  /**
   * Assigns the given leads (already known to be live and visible to the actor) to the target, in
   * the actor's transaction; answers how many changed hands.
   */
  @Transactional
  int assignAll(CurrentUser actor, List<UUID> leadIds, Target target, String reason) {
    UUID tenantId = actor.tenantId();
    String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
    if (cleanReason != null && cleanReason.length() > 500) {
      throw InvalidRequestException.field("reason", "At most 500 characters");
    }
    if (leadIds.isEmpty()) {
      checkTarget(actor, target);
      return 0;
    }
    Map<UUID, List<UUID>> byAssignee = new LinkedHashMap<>();
    AssignmentLog.Method method;
    if (target.userId() != null) {
      checkTarget(actor, target);
      byAssignee.put(target.userId(), leadIds);
      method = AssignmentLog.Method.MANUAL;
    } else {
      checkTarget(actor, target);
      RoutingSession session = router.open(tenantId, leadIds.size());
      for (UUID leadId : leadIds) {
        UUID next =
            session
                .nextInTeam(target.teamId())
                .orElseThrow(
                    () ->
                        new BusinessRuleException(
                            "Nobody in the team can take leads now (all inactive or paused)"));
        byAssignee.computeIfAbsent(next, id -> new ArrayList<>()).add(leadId);
      }
      method = AssignmentLog.Method.TEAM_ROUND_ROBIN;
    }
    Instant now = clock.instant();
    List<Entry> entries = new ArrayList<>();
    List<AssignmentLog.Entry> log = new ArrayList<>();
    List<LeadAssigned> assigned = new ArrayList<>();
    for (Map.Entry<UUID, List<UUID>> group : byAssignee.entrySet()) {
      UUID to = group.getKey();
      List<Changed> changed =
          jdbc.sql(
                  """
                  with old as (
                      select id, assignee_id from lead
                       where tenant_id = :tenantId and id = any(:ids) and deleted_at is null
                         and assignee_id is distinct from :to
                       for update)
                  update lead l
                     set assignee_id = :to, assigned_at = :now, updated_at = :now,
                         updated_by = :actor, version = l.version + 1
                    from old
                   where l.id = old.id
                  returning l.id, old.assignee_id as old_assignee
                  """)
              .param("tenantId", tenantId)
              .param("ids", group.getValue().toArray(UUID[]::new))
              .param("to", to)
              .param("now", now.atOffset(ZoneOffset.UTC))
              .param("actor", actor.userId())
              .query(
                  (rs, n) ->
                      new Changed(
                          rs.getObject("id", UUID.class), rs.getObject("old_assignee", UUID.class)))
              .list();
      for (Changed c : changed) {
        entries.add(
            new Entry(
                tenantId,
                c.leadId(),
                Action.ASSIGNED,
                "assigneeId",
                c.oldAssignee(),
                to,
                actor.userId(),
                cleanReason == null ? LeadService.describe(method) : cleanReason,
                now));
        log.add(
            new AssignmentLog.Entry(
                tenantId,
                c.leadId(),
                c.oldAssignee(),
                to,
                method,
                null,
                cleanReason,
                actor.userId(),
                RequestIds.current(),
                now));
        assigned.add(
            new LeadAssigned(
                c.leadId(), c.oldAssignee(), to, method.name(), null, cleanReason, actor.userId()));
      }
    }
    history.record(entries);
    assignmentLog.record(log);
    assigned.forEach(a -> events.assigned(tenantId, a));
    return assigned.size();
  }

  private void checkTarget(CurrentUser actor, Target target) {
    if ((target.userId() == null) == (target.teamId() == null)) {
      throw InvalidRequestException.field("userId", "Name either a user or a team");
    }
    if (target.userId() != null) {
      Optional<AgentView> user = agents.find(actor.tenantId(), target.userId());
      if (user.isEmpty() || !user.get().isActive()) {
        throw InvalidRequestException.field("userId", "Not an active user of this tenant");
      }
      if (!actor.isAdmin() && !user.get().isInTeam(actor.teamId())) {
        throw new AccessDeniedException("Supervisors assign leads within their own team");
      }
    } else {
      if (!agents.teamExists(actor.tenantId(), target.teamId())) {
        throw InvalidRequestException.field("teamId", "Not a team of this tenant");
      }
      if (!actor.isAdmin() && !target.teamId().equals(actor.teamId())) {
        throw new AccessDeniedException("Supervisors assign leads within their own team");
      }
    }
  }

  private static NotFoundException notFound(UUID leadId) {
    return new NotFoundException("Lead", leadId);
  }

  private record Changed(UUID leadId, UUID oldAssignee) {}
}
