package com.chosencrm.lead.lead;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.pipeline.Stage;
import com.chosencrm.lead.pipeline.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events lead-service publishes through the outbox (catalogue: docs/events.md). Payloads that
 * describe a lead carry it whole ({@link LeadSnapshot}), so consumers keep a copy without calling
 * back. Notes, custom fields and consent text stay here: fetch the lead for them.
 */
@Component
class LeadEvents {

  static final String LEAD_CREATED = "LeadCreated";
  static final String LEAD_UPDATED = "LeadUpdated";
  static final String LEAD_STATUS_CHANGED = "LeadStatusChanged";
  static final String LEAD_ASSIGNED = "LeadAssigned";
  static final String LEAD_DELETED = "LeadDeleted";
  static final String LEAD_RESTORED = "LeadRestored";
  static final String LEADS_MERGED = "LeadsMerged";

  /** A lead's fields as other services may keep them. */
  record LeadSnapshot(
      UUID leadId,
      String firstName,
      String lastName,
      String email,
      String phoneE164,
      String source,
      UUID statusId,
      String status,
      StageKind statusKind,
      LoanPurpose loanPurpose,
      BigDecimal loanAmount,
      String loanCurrency,
      String propertyState,
      CreditBand creditBand,
      List<String> tags,
      UUID assigneeId,
      boolean doNotContact,
      boolean hasConsent,
      Instant createdAt,
      Instant updatedAt,
      long version) {

    static LeadSnapshot of(LeadView lead) {
      return new LeadSnapshot(
          lead.id(),
          lead.firstName(),
          lead.lastName(),
          lead.email(),
          lead.phoneE164(),
          lead.source(),
          lead.statusId(),
          lead.status(),
          lead.statusKind(),
          lead.loanPurpose(),
          lead.loanAmount(),
          lead.loanCurrency(),
          lead.propertyState(),
          lead.creditBand(),
          lead.tags(),
          lead.assigneeId(),
          lead.doNotContact(),
          lead.consent() != null,
          lead.createdAt(),
          lead.updatedAt(),
          lead.version());
    }
  }

  record LeadCreated(LeadSnapshot lead, UUID actorId) {}

  record LeadUpdated(LeadSnapshot lead, List<String> changedFields, UUID actorId) {}

  record LeadStatusChanged(
      UUID leadId,
      UUID fromStatusId,
      String fromStatus,
      UUID toStatusId,
      String toStatus,
      StageKind toStatusKind,
      UUID assigneeId,
      UUID actorId) {

    /** A lead moved from one stage to another. */
    static LeadStatusChanged between(
        UUID leadId, Stage from, Stage to, UUID assigneeId, UUID actorId) {
      return new LeadStatusChanged(
          leadId, from.id(), from.name(), to.id(), to.name(), to.kind(), assigneeId, actorId);
    }
  }

  /**
   * @param method MANUAL, RULE, TEAM_ROUND_ROBIN or CREATOR
   * @param ruleId the rule that chose the assignee, for RULE
   */
  record LeadAssigned(
      UUID leadId,
      UUID fromUserId,
      UUID toUserId,
      String method,
      UUID ruleId,
      String reason,
      UUID actorId) {}

  /** Soft deletion; the lead can be restored for 30 days unless it was merged into another. */
  record LeadDeleted(UUID leadId, UUID assigneeId, UUID mergedIntoId, UUID actorId) {}

  record LeadRestored(LeadSnapshot lead, UUID actorId) {}

  record LeadsMerged(UUID survivorId, UUID duplicateId, List<String> changedFields, UUID actorId) {}

  private final EventPublisher publisher;

  LeadEvents(EventPublisher publisher) {
    this.publisher = publisher;
  }

  void created(UUID tenantId, LeadView lead, UUID actor) {
    publisher.publish(
        LEAD_CREATED, tenantId, lead.id(), new LeadCreated(LeadSnapshot.of(lead), actor));
  }

  void updated(UUID tenantId, LeadView lead, List<String> changedFields, UUID actor) {
    publisher.publish(
        LEAD_UPDATED,
        tenantId,
        lead.id(),
        new LeadUpdated(LeadSnapshot.of(lead), changedFields, actor));
  }

  void statusChanged(UUID tenantId, LeadStatusChanged change) {
    publisher.publish(LEAD_STATUS_CHANGED, tenantId, change.leadId(), change);
  }

  void assigned(UUID tenantId, LeadAssigned assignment) {
    publisher.publish(LEAD_ASSIGNED, tenantId, assignment.leadId(), assignment);
  }

  void deleted(UUID tenantId, LeadDeleted deletion) {
    publisher.publish(LEAD_DELETED, tenantId, deletion.leadId(), deletion);
  }

  void restored(UUID tenantId, LeadView lead, UUID actor) {
    publisher.publish(
        LEAD_RESTORED, tenantId, lead.id(), new LeadRestored(LeadSnapshot.of(lead), actor));
  }

  void merged(UUID tenantId, LeadsMerged merge) {
    publisher.publish(LEADS_MERGED, tenantId, merge.survivorId(), merge);
  }
}
