package com.chosencrm.lead.assignment;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.loan.UsStates;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's assignment rules: tried in order for every new lead without an assignee; the first
 * rule that matches and can name an available agent assigns the lead. Days for the daily caps start
 * at midnight in the tenant's assignment time zone.
 */
@Service
public class AssignmentRules {

  static final int MAX_RULES = 100;
  static final String DEFAULT_TIME_ZONE = "America/New_York";

  private final AssignmentRuleRepository rules;
  private final AgentDirectory agents;
  private final JdbcClient jdbc;

  AssignmentRules(AssignmentRuleRepository rules, AgentDirectory agents, JdbcClient jdbc) {
    this.rules = rules;
    this.agents = agents;
    this.jdbc = jdbc;
  }

  public record RuleSet(String timeZone, List<Rule> rules) {}

  /**
   * @param enabled a disabled rule is kept but skipped; null means enabled
   * @param dailyCapPerAgent at most this many leads per agent per day through rules; null: no cap
   */
  public record Rule(
      UUID id,
      String name,
      Boolean enabled,
      Match match,
      Action action,
      @Nullable Integer dailyCapPerAgent) {}

  /** Empty lists and null bounds match anything. */
  public record Match(
      List<String> sources,
      List<String> states,
      List<String> loanPurposes,
      @Nullable BigDecimal minLoanAmount,
      @Nullable BigDecimal maxLoanAmount,
      List<String> creditBands) {

    public Match {
      sources = sources == null ? List.of() : List.copyOf(sources);
      states = states == null ? List.of() : List.copyOf(states);
      loanPurposes = loanPurposes == null ? List.of() : List.copyOf(loanPurposes);
      creditBands = creditBands == null ? List.of() : List.copyOf(creditBands);
    }

    static Match any() {
      return new Match(null, null, null, null, null, null);
    }
  }

  public record Action(AssignmentAction type, @Nullable UUID userId, @Nullable UUID teamId) {}

  @Transactional(readOnly = true)
  public RuleSet get(UUID tenantId) {
    return new RuleSet(
        timeZone(tenantId).getId(),
        rules.findByTenantIdOrderByPositionAsc(tenantId).stream()
            .map(AssignmentRule::view)
            .toList());
  }

  /** Where the tenant's assignment days begin and end. */
  @Transactional(readOnly = true)
  public ZoneId timeZone(UUID tenantId) {
    return jdbc.sql("select time_zone from assignment_settings where tenant_id = :tenantId")
        .param("tenantId", tenantId)
        .query(String.class)
        .optional()
        .map(ZoneId::of)
        .orElse(ZoneId.of(DEFAULT_TIME_ZONE));
  }

  /** The rules in the order they are tried, enabled ones only. */
  List<AssignmentRule> enabledRules(UUID tenantId) {
    return rules.findByTenantIdOrderByPositionAsc(tenantId).stream()
        .filter(AssignmentRule::isEnabled)
        .toList();
  }

  /** Replaces the tenant's rules; rules sent with their id keep it (and their round-robin turn). */
  @Transactional
  public RuleSet replace(CurrentUser admin, String timeZone, List<Rule> drafts) {
    UUID tenantId = admin.tenantId();
    ZoneId zone = validateTimeZone(timeZone);
    Map<UUID, AssignmentRule> current = new HashMap<>();
    rules.findByTenantIdOrderByPositionAsc(tenantId).forEach(r -> current.put(r.id(), r));
    List<Rule> cleaned = validate(tenantId, drafts == null ? List.of() : drafts, current.keySet());

    Set<UUID> kept = new HashSet<>();
    List<AssignmentRule> saved = new ArrayList<>();
    for (int i = 0; i < cleaned.size(); i++) {
      Rule rule = cleaned.get(i);
      AssignmentRule entity;
      if (rule.id() != null) {
        entity = current.get(rule.id());
        entity.apply(i, rule);
        kept.add(rule.id());
      } else {
        entity = new AssignmentRule(UuidV7.next(), tenantId, i, rule);
      }
      saved.add(entity);
    }
    List<AssignmentRule> removed =
        current.values().stream().filter(r -> !kept.contains(r.id())).toList();
    rules.deleteAll(removed);
    rules.saveAll(saved);
    rules.flush();
    if (!removed.isEmpty()) {
      jdbc.sql("delete from assignment_pointer where tenant_id = :tenantId and rule_id = any(:ids)")
          .param("tenantId", tenantId)
          .param("ids", removed.stream().map(AssignmentRule::id).toArray(UUID[]::new))
          .update();
    }
    jdbc.sql(
            """
            insert into assignment_settings (tenant_id, time_zone, updated_at, updated_by)
            values (:tenantId, :zone, :now, :by)
            on conflict (tenant_id) do update
               set time_zone = excluded.time_zone, updated_at = excluded.updated_at,
                   updated_by = excluded.updated_by
            """)
        .param("tenantId", tenantId)
        .param("zone", zone.getId())
        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
        .param("by", admin.userId())
        .update();
    return get(tenantId);
  }

  private static ZoneId validateTimeZone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.of(DEFAULT_TIME_ZONE);
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      throw InvalidRequestException.field(
          "timeZone", "Not a time zone; use a name like America/Chicago");
    }
  }

  private List<Rule> validate(UUID tenantId, List<Rule> drafts, Set<UUID> existing) {
    List<FieldError> errors = new ArrayList<>();
    if (drafts.size() > MAX_RULES) {
      throw InvalidRequestException.field("rules", "At most " + MAX_RULES + " rules");
    }
    List<Rule> cleaned = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      Rule draft = drafts.get(i);
      String at = "rules[" + i + "].";
      if (draft == null) {
        errors.add(new FieldError("rules[" + i + "]", "A rule is required"));
        continue;
      }
      if (draft.id() != null && (!existing.contains(draft.id()) || !seen.add(draft.id()))) {
        errors.add(new FieldError(at + "id", "Not one of this tenant's rules"));
      }
      String name = draft.name() == null ? "" : draft.name().strip();
      if (name.isEmpty() || name.length() > 100) {
        errors.add(new FieldError(at + "name", "A rule needs a name of at most 100 characters"));
      }
      Match match = draft.match() == null ? Match.any() : draft.match();
      Match cleanMatch = validateMatch(match, at + "match.", errors);
      Action action = draft.action();
      if (action == null || action.type() == null) {
        errors.add(
            new FieldError(
                at + "action.type", "Type must be USER, TEAM_ROUND_ROBIN or TEAM_LEAST_OPEN"));
      } else if (action.type() == AssignmentAction.USER) {
        Optional<AgentView> user =
            action.userId() == null ? Optional.empty() : agents.find(tenantId, action.userId());
        if (user.isEmpty() || !user.get().isActive()) {
          errors.add(new FieldError(at + "action.userId", "Not an active user of this tenant"));
        }
      } else if (action.teamId() == null || !agents.teamExists(tenantId, action.teamId())) {
        errors.add(new FieldError(at + "action.teamId", "Not a team of this tenant"));
      }
      Integer cap = draft.dailyCapPerAgent();
      if (cap != null && (cap < 1 || cap > 10_000)) {
        errors.add(new FieldError(at + "dailyCapPerAgent", "A daily cap is between 1 and 10000"));
      }
      cleaned.add(
          new Rule(
              draft.id(), name, !Boolean.FALSE.equals(draft.enabled()), cleanMatch, action, cap));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " fields are not valid",
          errors);
    }
    return cleaned;
  }

  private static Match validateMatch(Match match, String at, List<FieldError> errors) {
    Set<String> sources = new LinkedHashSet<>();
    for (String source : match.sources()) {
      if (source == null || source.isBlank() || source.strip().length() > 100) {
        errors.add(new FieldError(at + "sources", "Sources are non-blank, at most 100 characters"));
      } else {
        sources.add(source.strip());
      }
    }
    Set<String> states = new LinkedHashSet<>();
    for (String state : match.states()) {
      UsStates.parse(state)
          .ifPresentOrElse(
              states::add,
              () ->
                  errors.add(
                      new FieldError(at + "states", "'" + state + "' is not a US state code")));
    }
    Set<String> purposes = new LinkedHashSet<>();
    for (String purpose : match.loanPurposes()) {
      LoanPurpose.parse(purpose)
          .ifPresentOrElse(
              p -> purposes.add(p.name()),
              () ->
                  errors.add(
                      new FieldError(
                          at + "loanPurposes", "Loan purposes are " + LoanPurpose.NAMES)));
    }
    Set<String> bands = new LinkedHashSet<>();
    for (String band : match.creditBands()) {
      CreditBand.parse(band)
          .ifPresentOrElse(
              b -> bands.add(b.name()),
              () ->
                  errors.add(
                      new FieldError(at + "creditBands", "Credit bands are " + CreditBand.NAMES)));
    }
    BigDecimal min = match.minLoanAmount();
    BigDecimal max = match.maxLoanAmount();
    if (min != null && min.signum() < 0) {
      errors.add(new FieldError(at + "minLoanAmount", "Must not be negative"));
    }
    if (max != null && max.signum() < 0) {
      errors.add(new FieldError(at + "maxLoanAmount", "Must not be negative"));
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      errors.add(new FieldError(at + "maxLoanAmount", "Must not be below the minimum"));
    }
    return new Match(
        List.copyOf(sources),
        List.copyOf(states),
        List.copyOf(purposes),
        min,
        max,
        List.copyOf(bands));
  }
}
