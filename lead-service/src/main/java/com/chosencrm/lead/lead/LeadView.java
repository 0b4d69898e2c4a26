package com.chosencrm.lead.lead;

import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.pipeline.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String phoneE164,
    @Nullable String source,
    UUID statusId,
    String status,
    StageKind statusKind,
    @Nullable LoanPurpose loanPurpose,
    @Nullable BigDecimal loanAmount,
    @Nullable String loanCurrency,
    @Nullable String propertyState,
    @Nullable CreditBand creditBand,
    @Nullable String notes,
    List<String> tags,
    Map<String, Object> customFields,
    @Nullable UUID assigneeId,
    @Nullable String assigneeName,
    @Nullable Instant assignedAt,
    boolean needsReassignment,
    boolean doNotContact,
    @Nullable String doNotContactReason,
    @Nullable Instant doNotContactAt,
    @Nullable UUID doNotContactBy,
    @Nullable ConsentView consent,
    @Nullable UUID mergedIntoId,
    Instant createdAt,
    @Nullable UUID createdBy,
    Instant updatedAt,
    @Nullable UUID updatedBy,
    @Nullable Instant deletedAt,
    long version) {

  /** TCPA consent as recorded. */
  public record ConsentView(Instant givenAt, ConsentMethod method, String text) {}
}
