package com.chosencrm.lead.assignment;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assignment rules (admins) and the agents' availability: who is in rotation, who is out of office
 * (supervisors for their team, admins for anyone).
 */
@RestController
@RequestMapping("/api/leads/assignment")
class AssignmentController {

  private static final Duration LONGEST_PAUSE = Duration.ofDays(366);

  private final AssignmentRules rules;
  private final AgentDirectory agents;
  private final Clock clock;

  AssignmentController(AssignmentRules rules, AgentDirectory agents, Clock clock) {
    this.rules = rules;
    this.agents = agents;
    this.clock = clock;
  }

  /** The action type arrives as text so that a wrong one is a field error. */
  record ActionBody(String type, UUID userId, UUID teamId) {

    AssignmentRules.Action toAction() {
      return new AssignmentRules.Action(AssignmentAction.parse(type), userId, teamId);
    }
  }

  record RuleBody(
      UUID id,
      String name,
      Boolean enabled,
      AssignmentRules.Match match,
      ActionBody action,
      Integer dailyCapPerAgent) {

    AssignmentRules.Rule toRule() {
      return new AssignmentRules.Rule(
          id, name, enabled, match, action == null ? null : action.toAction(), dailyCapPerAgent);
    }
  }

  record RulesUpdate(
      String timeZone,
      @NotNull(message = "Send the full list of rules, in order (may be empty)")
          @Size(max = AssignmentRules.MAX_RULES, message = "At most 100 rules")
          List<RuleBody> rules) {

    List<AssignmentRules.Rule> toRules() {
      return rules.stream().map(r -> r == null ? null : r.toRule()).toList();
    }
  }

  record Pause(
      @NotNull(message = "Say until when the agent is away")
          @Future(message = "The pause must end in the future")
          Instant until,
      @Size(max = 200, message = "The reason has at most 200 characters") String reason) {}

  record AgentResponse(
      UUID userId,
      String name,
      @Nullable String email,
      Set<String> roles,
      @Nullable UUID teamId,
      boolean active,
      boolean paused,
      @Nullable Instant pausedUntil,
      @Nullable String pauseReason) {

    static AgentResponse of(AgentView agent, Instant now) {
      boolean paused = agent.isPausedAt(now);
      return new AgentResponse(
          agent.userId(),
          agent.name(),
          agent.email(),
          agent.roles(),
          agent.teamId(),
          agent.isActive(),
          paused,
          paused ? agent.pausedUntil() : null,
          paused ? agent.pauseReason() : null);
    }
  }

  record AgentsResponse(List<AgentResponse> items) {}

  @GetMapping("/rules")
  @PreAuthorize("hasRole('ADMIN')")
  AssignmentRules.RuleSet rules(CurrentUser admin) {
    return rules.get(admin.tenantId());
  }

  @PutMapping("/rules")
  @PreAuthorize("hasRole('ADMIN')")
  AssignmentRules.RuleSet replaceRules(CurrentUser admin, @Valid @RequestBody RulesUpdate update) {
    return rules.replace(admin, update.timeZone(), update.toRules());
  }

  /** Admins see everyone (or one team); supervisors always their own team. */
  @GetMapping("/agents")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  AgentsResponse agents(CurrentUser user, @RequestParam(required = false) UUID teamId) {
    UUID team = user.isAdmin() ? teamId : user.teamId();
    if (!user.isAdmin() && team == null) {
      return new AgentsResponse(List.of());
    }
    Instant now = clock.instant();
    return new AgentsResponse(
        agents.list(user.tenantId(), team).stream().map(a -> AgentResponse.of(a, now)).toList());
  }

  @PutMapping("/agents/{userId}/pause")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  AgentResponse pause(
      CurrentUser user, @PathVariable UUID userId, @Valid @RequestBody Pause pause) {
    AgentView agent = manageable(user, userId);
    Instant now = clock.instant();
    if (pause.until().isAfter(now.plus(LONGEST_PAUSE))) {
      throw InvalidRequestException.field("until", "A pause lasts at most a year");
    }
    String reason =
        pause.reason() == null || pause.reason().isBlank() ? null : pause.reason().strip();
    return AgentResponse.of(
        agents.pause(user.tenantId(), agent.userId(), pause.until(), reason, user.userId()), now);
  }

  @DeleteMapping("/agents/{userId}/pause")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  ResponseEntity<AgentResponse> resume(CurrentUser user, @PathVariable UUID userId) {
    AgentView agent = manageable(user, userId);
    return ResponseEntity.ok(
        AgentResponse.of(agents.resume(user.tenantId(), agent.userId()), clock.instant()));
  }

  private AgentView manageable(CurrentUser user, UUID userId) {
    AgentView agent =
        agents
            .find(user.tenantId(), userId)
            .filter(a -> !a.deleted())
            .orElseThrow(() -> new NotFoundException("Agent", userId));
    if (!user.isAdmin() && !agent.isInTeam(user.teamId())) {
      throw new AccessDeniedException("Supervisors manage the agents of their own team");
    }
    return agent;
  }
}
