package com.chosencrm.lead.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What callers hand the lead services: the API's request bodies map to these, and so can an import
 * row. Values arrive as typed by people; the services normalise and validate them.
 */
public final class LeadCommands {

  private LeadCommands() {}

  /**
   * A lead to create.
   *
   * @param status a stage name or id; null for the pipeline's first stage
   * @param assigneeId null to let the assignment rules decide
   */
  public record NewLead(
      String firstName,
      String lastName,
      String email,
      String phone,
      String source,
      String status,
      String loanPurpose,
      BigDecimal loanAmount,
      String loanCurrency,
      String propertyState,
      String creditBand,
      String notes,
      List<String> tags,
      Map<String, Object> customFields,
      UUID assigneeId,
      boolean doNotContact,
      String doNotContactReason,
      Consent consent)
      implements DetailValues {}

  /**
   * A full replacement of a lead's editable fields. Assignee and do-not-contact have endpoints of
   * their own.
   *
   * @param status null keeps the current stage
   * @param version the version the client read; a different current version is a conflict
   */
  public record LeadChanges(
      String firstName,
      String lastName,
      String email,
      String phone,
      String source,
      String status,
      String loanPurpose,
      BigDecimal loanAmount,
      String loanCurrency,
      String propertyState,
      String creditBand,
      String notes,
      List<String> tags,
      Map<String, Object> customFields,
      Consent consent,
      long version)
      implements DetailValues {}

  /**
   * The values a lead's details are checked from (LeadDetails.from): what creating and changing
   * share.
   */
  public interface DetailValues {
    String firstName();

    String lastName();

    String email();

    String phone();

    String source();

    String loanPurpose();

    BigDecimal loanAmount();

    String loanCurrency();

    String propertyState();

    String creditBand();

    String notes();

    List<String> tags();

    Consent consent();
  }

  /** TCPA consent: when it was given, how, and the text the lead agreed to. */
  public record Consent(Instant givenAt, String method, String text) {}

  /** What to do with a new lead that has the email or phone of an existing one. */
  public enum DuplicatePolicy {
    /** Refuse it (409 for a single lead; a rejected row in a batch). */
    REJECT,
    /** Create it anyway. */
    ALLOW
  }
}
