package com.chosencrm.lead.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "assignment_rule")
class AssignmentRule {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean enabled;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] sources;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] states;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] loanPurposes;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] creditBands;

  private BigDecimal minLoanAmount;

  private BigDecimal maxLoanAmount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AssignmentAction action;

  private UUID targetUserId;

  private UUID targetTeamId;

  private Integer dailyCapPerAgent;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  protected AssignmentRule() {}

  AssignmentRule(UUID id, UUID tenantId, int position, AssignmentRules.Rule rule) {
    this.id = id;
    this.tenantId = tenantId;
    this.createdAt = Instant.now();
    apply(position, rule);
  }

  void apply(int position, AssignmentRules.Rule rule) {
    AssignmentRules.Match match = rule.match();
    this.position = position;
    this.name = rule.name();
    this.enabled = !Boolean.FALSE.equals(rule.enabled());
    this.sources = match.sources().toArray(String[]::new);
    this.states = match.states().toArray(String[]::new);
    this.loanPurposes = match.loanPurposes().toArray(String[]::new);
    this.creditBands = match.creditBands().toArray(String[]::new);
    this.minLoanAmount = match.minLoanAmount();
    this.maxLoanAmount = match.maxLoanAmount();
    this.action = rule.action().type();
    this.targetUserId =
        rule.action().type() == AssignmentAction.USER ? rule.action().userId() : null;
    this.targetTeamId =
        rule.action().type() == AssignmentAction.USER ? null : rule.action().teamId();
    this.dailyCapPerAgent = rule.dailyCapPerAgent();
    this.updatedAt = Instant.now();
  }

  UUID id() {
    return id;
  }

  boolean isEnabled() {
    return enabled;
  }

  AssignmentAction action() {
    return action;
  }

  /** The team, or for a user rule the user: what the rule's pointer row is keyed on. */
  UUID target() {
    return action == AssignmentAction.USER ? targetUserId : targetTeamId;
  }

  Integer dailyCapPerAgent() {
    return dailyCapPerAgent;
  }

  /** Every criterion the rule sets must hold; an empty criterion matches anything. */
  boolean matches(LeadFacts lead) {
    return in(sources, lead.source(), true)
        && in(states, lead.propertyState(), false)
        && in(loanPurposes, lead.loanPurpose(), false)
        && in(creditBands, lead.creditBand(), false)
        && amountInRange(lead.loanAmount());
  }

  private static boolean in(String[] allowed, String value, boolean ignoreCase) {
    if (allowed.length == 0) {
      return true;
    }
    if (value == null) {
      return false;
    }
    String wanted = ignoreCase ? value.strip().toLowerCase(Locale.ROOT) : value;
    return Arrays.stream(allowed)
        .anyMatch(a -> (ignoreCase ? a.toLowerCase(Locale.ROOT) : a).equals(wanted));
  }

  private boolean amountInRange(BigDecimal amount) {
    if (minLoanAmount == null && maxLoanAmount == null) {
      return true;
    }
    return amount != null
        && (minLoanAmount == null || amount.compareTo(minLoanAmount) >= 0)
        && (maxLoanAmount == null || amount.compareTo(maxLoanAmount) <= 0);
  }

  AssignmentRules.Rule view() {
    return new AssignmentRules.Rule(
        id,
        name,
        enabled,
        new AssignmentRules.Match(
            List.of(sources),
            List.of(states),
            List.of(loanPurposes),
            minLoanAmount,
            maxLoanAmount,
            List.of(creditBands)),
        new AssignmentRules.Action(action, targetUserId, targetTeamId),
        dailyCapPerAgent);
  }
}
