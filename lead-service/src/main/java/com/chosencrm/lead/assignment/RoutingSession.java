package com.chosencrm.lead.assignment;

import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Assigns the leads of one transaction. It counts what it assigns itself on top of what it read
 * from the database, so a batch respects caps and spreads leads evenly without re-reading after
 * every lead. Not thread-safe: one session per transaction.
 *
 * <p>Daily caps and open-lead counts add what this session assigned to what the database held when
 * the session first looked at an agent: the caller writes its leads and the assignment log after
 * its last {@link #route}.
 *
 * <p>Round robin is fair: the team's available agents take turns in user-id order after the one who
 * got the last lead (the persisted pointer), so when people join or leave nobody is favoured for
 * having been there longer.
 */
public final class RoutingSession {

  /** Who gets the lead, and through which rule (null outside rules). */
  public record Routing(UUID userId, UUID ruleId) {}

  private final UUID tenantId;
  private final Instant now;
  private final Instant dayStart;
  private final List<AssignmentRule> rules;
  private final AgentDirectory agents;
  private final AssignmentLog log;
  private final OpenLeadCounts openLeads;
  private final AssignmentPointers pointers;
  private final Map<UUID, List<AgentView>> teams = new HashMap<>();
  private final Map<UUID, Optional<AgentView>> users = new HashMap<>();
  private final Map<UUID, Long> assignedTodayBefore = new HashMap<>();
  private final Map<UUID, Long> ruleAssignedInSession = new HashMap<>();
  private final Map<UUID, Long> openBefore = new HashMap<>();
  private final Map<UUID, Long> assignedInSession = new HashMap<>();

  RoutingSession(
      UUID tenantId,
      Instant now,
      Instant dayStart,
      List<AssignmentRule> rules,
      AgentDirectory agents,
      AssignmentLog log,
      OpenLeadCounts openLeads,
      AssignmentPointers pointers) {
    this.tenantId = tenantId;
    this.now = now;
    this.dayStart = dayStart;
    this.rules = rules;
    this.agents = agents;
    this.log = log;
    this.openLeads = openLeads;
    this.pointers = pointers;
  }

  /**
   * Writes where the pointers stopped, for a session opened with {@link LeadRouter#openBatch}; call
   * it before the transaction commits.
   */
  public void flush() {
    pointers.flush();
  }

  void lockRulePointers() {
    pointers.lockAll(
        rules.stream().map(r -> new AssignmentPointers.Key(r.id(), r.target())).toList());
  }

  /** The first rule that matches the lead and has an available agent under its cap. */
  public Optional<Routing> route(LeadFacts lead) {
    return route(lead, userId -> true);
  }

  /**
   * Like {@link #route(LeadFacts)}, choosing only among {@code eligible} users (a supervisor's
   * import stays within their team); a rule without an eligible agent is passed over.
   */
  public Optional<Routing> route(LeadFacts lead, Predicate<UUID> eligible) {
    for (AssignmentRule rule : rules) {
      if (!rule.matches(lead)) {
        continue;
      }
      AssignmentPointers.Key key = new AssignmentPointers.Key(rule.id(), rule.target());
      Optional<UUID> chosen =
          switch (rule.action()) {
            case USER ->
                eligible.test(key.targetId())
                    ? user(key, rule.dailyCapPerAgent())
                    : Optional.<UUID>empty();
            case TEAM_ROUND_ROBIN -> roundRobin(key, rule.dailyCapPerAgent(), eligible);
            case TEAM_LEAST_OPEN -> leastOpen(key, rule.dailyCapPerAgent(), eligible);
          };
      if (chosen.isPresent()) {
        ruleAssignedInSession.merge(chosen.get(), 1L, Long::sum);
        assignedInSession.merge(chosen.get(), 1L, Long::sum);
        return Optional.of(new Routing(chosen.get(), rule.id()));
      }
    }
    return Optional.empty();
  }

  /** The next available agent of the team in round robin, outside any rule and without caps. */
  public Optional<UUID> nextInTeam(UUID teamId) {
    Optional<UUID> chosen =
        roundRobin(
            new AssignmentPointers.Key(AssignmentPointers.NO_RULE, teamId), null, userId -> true);
    chosen.ifPresent(id -> assignedInSession.merge(id, 1L, Long::sum));
    return chosen;
  }

  private Optional<UUID> user(AssignmentPointers.Key key, Integer cap) {
    // Locking the rule's pointer makes concurrent assignments through it count the cap in turn.
    pointers.lastUser(key);
    UUID userId = key.targetId();
    Optional<AgentView> agent = users.computeIfAbsent(userId, id -> agents.find(tenantId, id));
    if (agent.isEmpty() || !agent.get().isActive() || agent.get().isPausedAt(now)) {
      return Optional.empty();
    }
    if (!underCap(List.of(userId), cap).contains(userId)) {
      return Optional.empty();
    }
    pointers.advance(key, userId, now);
    return Optional.of(userId);
  }

  private Optional<UUID> roundRobin(
      AssignmentPointers.Key key, Integer cap, Predicate<UUID> eligible) {
    Optional<UUID> last = pointers.lastUser(key);
    List<UUID> candidates = underCap(available(key.targetId(), eligible), cap);
    List<UUID> inTurn = AssignmentPointers.inTurnAfter(candidates, last);
    if (inTurn.isEmpty()) {
      return Optional.empty();
    }
    UUID chosen = inTurn.getFirst();
    pointers.advance(key, chosen, now);
    return Optional.of(chosen);
  }

  private Optional<UUID> leastOpen(
      AssignmentPointers.Key key, Integer cap, Predicate<UUID> eligible) {
    Optional<UUID> last = pointers.lastUser(key);
    List<UUID> candidates = underCap(available(key.targetId(), eligible), cap);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    loadOpenCounts(candidates);
    // Ties go to whoever is next in turn, so equal agents are not always resolved the same way.
    List<UUID> inTurn = AssignmentPointers.inTurnAfter(candidates, last);
    UUID chosen = inTurn.stream().min(Comparator.comparingLong(this::openLeadsOf)).orElseThrow();
    pointers.advance(key, chosen, now);
    return Optional.of(chosen);
  }

  private List<UUID> available(UUID teamId, Predicate<UUID> eligible) {
    return teams.computeIfAbsent(teamId, id -> agents.teamMembers(tenantId, id)).stream()
        .filter(agent -> agent.takesNewLeadsAt(now))
        .map(AgentView::userId)
        .filter(eligible)
        .toList();
  }

  private List<UUID> underCap(List<UUID> candidates, Integer cap) {
    if (cap == null) {
      return candidates;
    }
    List<UUID> unknown =
        candidates.stream().filter(id -> !assignedTodayBefore.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      Map<UUID, Long> counted = log.ruleAssignmentsSince(tenantId, unknown, dayStart);
      unknown.forEach(id -> assignedTodayBefore.put(id, counted.getOrDefault(id, 0L)));
    }
    return candidates.stream()
        .filter(
            id -> assignedTodayBefore.get(id) + ruleAssignedInSession.getOrDefault(id, 0L) < cap)
        .toList();
  }

  private long openLeadsOf(UUID agent) {
    return openBefore.getOrDefault(agent, 0L) + assignedInSession.getOrDefault(agent, 0L);
  }

  private void loadOpenCounts(Collection<UUID> candidates) {
    List<UUID> unknown = candidates.stream().filter(id -> !openBefore.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      Map<UUID, Long> counted = openLeads.openLeadsByAgent(tenantId, unknown);
      unknown.forEach(id -> openBefore.put(id, counted.getOrDefault(id, 0L)));
    }
  }
}
