package com.chosencrm.lead.lead;

import com.chosencrm.lead.lead.LeadCommands.Consent;
import com.chosencrm.lead.lead.LeadCommands.LeadChanges;
import com.chosencrm.lead.lead.LeadCommands.NewLead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the lead endpoints. Sizes are checked here; everything that needs the tenant
 * (stages, custom fields) or applies to imports as well (phone, state, consent) is checked by the
 * services, with the same field error format.
 */
final class LeadRequests {

  static final String BULK_ACTIONS =
      "Action must be ASSIGN, CHANGE_STATUS, ADD_TAGS, REMOVE_TAGS or DELETE";

  private LeadRequests() {}

  record ConsentBody(
      Instant givenAt,
      String method,
      @Size(max = 10_000, message = "At most 10000 characters") String text) {

    Consent toConsent() {
      return new Consent(givenAt, method, text);
    }
  }

  record CreateLead(
      @Size(max = 100, message = "At most 100 characters") String firstName,
      @Size(max = 100, message = "At most 100 characters") String lastName,
      @Size(max = 254, message = "At most 254 characters") String email,
      @Size(max = 40, message = "At most 40 characters") String phone,
      @Size(max = 100, message = "At most 100 characters") String source,
      String status,
      String loanPurpose,
      BigDecimal loanAmount,
      String loanCurrency,
      String propertyState,
      String creditBand,
      @Size(max = 10_000, message = "At most 10000 characters") String notes,
      @Size(max = 50, message = "At most 50 tags") List<String> tags,
      Map<String, Object> customFields,
      UUID assigneeId,
      Boolean doNotContact,
      @Size(max = 500, message = "At most 500 characters") String doNotContactReason,
      @Valid ConsentBody consent) {

    NewLead toCommand() {
      return new NewLead(
          firstName,
          lastName,
          email,
          phone,
          source,
          status,
          loanPurpose,
          loanAmount,
          loanCurrency,
          propertyState,
          creditBand,
          notes,
          tags,
          customFields,
          assigneeId,
          Boolean.TRUE.equals(doNotContact),
          doNotContactReason,
          consent == null ? null : consent.toConsent());
    }
  }

  record UpdateLead(
      @Size(max = 100, message = "At most 100 characters") String firstName,
      @Size(max = 100, message = "At most 100 characters") String lastName,
      @Size(max = 254, message = "At most 254 characters") String email,
      @Size(max = 40, message = "At most 40 characters") String phone,
      @Size(max = 100, message = "At most 100 characters") String source,
      String status,
      String loanPurpose,
      BigDecimal loanAmount,
      String loanCurrency,
      String propertyState,
      String creditBand,
      @Size(max = 10_000, message = "At most 10000 characters") String notes,
      @Size(max = 50, message = "At most 50 tags") List<String> tags,
      Map<String, Object> customFields,
      @Valid ConsentBody consent,
      @NotNull(message = "Send the version you loaded, so that concurrent edits are caught")
          Long version) {

    LeadChanges toCommand() {
      return new LeadChanges(
          firstName,
          lastName,
          email,
          phone,
          source,
          status,
          loanPurpose,
          loanAmount,
          loanCurrency,
          propertyState,
          creditBand,
          notes,
          tags,
          customFields,
          consent == null ? null : consent.toConsent(),
          version);
    }
  }

  record ChangeStatus(
      @NotNull(message = "Name the stage (its name or id)") String status,
      @Min(value = 0, message = "Positions start at 0 (the top)")
          @Max(value = 100_000, message = "Position is too large")
          Integer position) {}

  record DoNotContact(
      @NotNull(message = "Say true or false") Boolean doNotContact,
      @Size(max = 500, message = "At most 500 characters") String reason) {}

  record Assign(
      UUID userId,
      UUID teamId,
      @Size(max = 500, message = "At most 500 characters") String reason) {}

  record ReassignAll(
      @NotNull(message = "Whose leads move?") UUID fromUserId,
      UUID toUserId,
      UUID toTeamId,
      @NotNull(message = "Say why the leads change hands")
          @Size(min = 1, max = 500, message = "Between 1 and 500 characters")
          String reason) {}

  /** Choices arrive as text so that a wrong one is a field error. */
  record Merge(
      @NotNull(message = "Name the duplicate to merge into this lead") UUID duplicateId,
      Map<String, String> fieldChoices) {

    Map<String, LeadMerger.Choice> choices() {
      Map<String, LeadMerger.Choice> choices = new java.util.LinkedHashMap<>();
      if (fieldChoices != null) {
        fieldChoices.forEach(
            (field, choice) -> choices.put(field, LeadMerger.Choice.parse(choice)));
      }
      return choices;
    }
  }

  record DuplicateCheck(
      @NotEmpty(message = "Send at least one candidate")
          @Size(max = 1000, message = "At most 1000 candidates at once")
          List<@NotNull(message = "A candidate is required") ContactCandidate> candidates) {}

  record ContactCandidate(
      @Size(max = 254, message = "At most 254 characters") String email,
      @Size(max = 40, message = "At most 40 characters") String phone) {}

  record Bulk(
      @NotNull(message = BULK_ACTIONS)
          @Pattern(
              regexp = "ASSIGN|CHANGE_STATUS|ADD_TAGS|REMOVE_TAGS|DELETE",
              message = BULK_ACTIONS)
          String action,
      @Size(max = 10_000, message = "At most 10000 ids") List<UUID> ids,
      LeadFilter filter,
      UUID assigneeId,
      UUID teamId,
      String status,
      @Size(max = 20, message = "At most 20 tags at once") List<String> tags,
      @Size(max = 500, message = "At most 500 characters") String reason) {

    LeadBulkActions.BulkAction toAction() {
      return new LeadBulkActions.BulkAction(
          LeadBulkActions.Kind.valueOf(action),
          ids,
          filter,
          assigneeId,
          teamId,
          status,
          tags,
          reason);
    }
  }
}
