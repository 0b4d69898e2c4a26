package com.chosencrm.lead.lead;

import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.pipeline.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead as the API shows it.
 *
 * @param phone as it was entered
 * @param phoneE164 the same number normalised, e.g. +12015550123
 * @param status the name of the lead's pipeline stage
 * @param needsReassignment the assignee has been deactivated or deleted in user-service
 * @param mergedIntoId for a duplicate merged away: the lead it lives on in
 * @param version send it back when updating; a changed version answers 409
 */
public record LeadView(
    UUID id,
    String firstName,
    String lastName,
    String email,
    String phone,
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
    String notes,
    List<String> tags,
    Map<String, Object> customFields,
    UUID assigneeId,
    String assigneeName,
    Instant assignedAt,
    boolean needsReassignment,
    boolean doNotContact,
    String doNotContactReason,
    Instant doNotContactAt,
    UUID doNotContactBy,
    ConsentView consent,
    UUID mergedIntoId,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt,
    long version) {

  /** TCPA consent as recorded. */
  public record ConsentView(Instant givenAt, ConsentMethod method, String text) {}
}
