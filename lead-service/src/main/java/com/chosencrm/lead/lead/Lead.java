package com.chosencrm.lead.lead;

import com.chosencrm.lead.lead.LeadDetails.ConsentRecord;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who may want a mortgage. Changed only through the lead services, which record every
 * change in the lead's history. Reads go through {@link LeadQueries} in SQL, where visibility is
 * enforced; this entity is for writing.
 */
@Entity
@Table(name = "lead")
class Lead {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  private String firstName;
  private String lastName;
  private String email;
  private String emailNormalized;
  private String phone;

  @Column(name = "phone_e164")
  private String phoneE164;

  private String source;

  @Column(nullable = false)
  private UUID stageId;

  @Column(nullable = false)
  private BigDecimal boardRank;

  @Enumerated(EnumType.STRING)
  private LoanPurpose loanPurpose;

  private BigDecimal loanAmount;

  @Column(nullable = false)
  private String loanCurrency = "USD";

  private String propertyState;

  @Enumerated(EnumType.STRING)
  private CreditBand creditBand;

  private String notes;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] tags = new String[0];

  @Convert(converter = JsonMapConverter.class)
  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  private UUID assigneeId;
  private Instant assignedAt;

  @Column(nullable = false)
  private boolean doNotContact;

  private String doNotContactReason;
  private Instant doNotContactAt;
  private UUID doNotContactBy;

  private Instant consentGivenAt;

  @Enumerated(EnumType.STRING)
  private ConsentMethod consentMethod;

  private String consentText;

  private UUID mergedIntoId;

  @Column(nullable = false)
  private Instant createdAt;

  private UUID createdBy;

  @Column(nullable = false)
  private Instant updatedAt;

  private UUID updatedBy;

  private Instant deletedAt;
  private UUID deletedBy;

  // A wrapper, so that Spring Data sees a new lead (null version) and persists without a select.
  @Version private Long version;

  protected Lead() {}

  Lead(
      UUID id,
      UUID tenantId,
      LeadDetails details,
      Map<String, Object> customFields,
      UUID stageId,
      BigDecimal boardRank,
      UUID createdBy,
      Instant now) {
    this.id = id;
    this.tenantId = tenantId;
    this.stageId = stageId;
    this.boardRank = boardRank;
    this.createdAt = now;
    this.createdBy = createdBy;
    this.updatedAt = now;
    this.updatedBy = createdBy;
    apply(details, customFields);
  }

  /** Replaces the editable fields. */
  void apply(LeadDetails details, Map<String, Object> customFields) {
    this.firstName = details.firstName();
    this.lastName = details.lastName();
    this.email = details.email();
    this.emailNormalized = details.emailNormalized();
    this.phone = details.phone();
    this.phoneE164 = details.phoneE164();
    this.source = details.source();
    this.loanPurpose = details.loanPurpose();
    this.loanAmount = details.loanAmount();
    this.propertyState = details.propertyState();
    this.creditBand = details.creditBand();
    this.notes = details.notes();
    this.tags = details.tags().toArray(String[]::new);
    this.customFields = new LinkedHashMap<>(customFields);
    ConsentRecord consent = details.consent();
    this.consentGivenAt = consent == null ? null : consent.givenAt();
    this.consentMethod = consent == null ? null : consent.method();
    this.consentText = consent == null ? null : consent.text();
  }

  LeadDetails details() {
    return new LeadDetails(
        firstName,
        lastName,
        email,
        emailNormalized,
        phone,
        phoneE164,
        source,
        loanPurpose,
        loanAmount,
        propertyState,
        creditBand,
        notes,
        List.of(tags),
        consentGivenAt == null
            ? null
            : new ConsentRecord(consentGivenAt, consentMethod, consentText));
  }

  /**
   * The audited fields and their values, in a stable order: comparing two snapshots gives the
   * history entries of a change.
   */
  Map<String, Object> auditedFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("firstName", firstName);
    fields.put("lastName", lastName);
    fields.put("email", email);
    fields.put("phone", phone);
    fields.put("source", source);
    fields.put("loanPurpose", loanPurpose == null ? null : loanPurpose.name());
    fields.put("loanAmount", loanAmount);
    fields.put("propertyState", propertyState);
    fields.put("creditBand", creditBand == null ? null : creditBand.name());
    fields.put("notes", notes);
    fields.put("tags", List.of(tags));
    fields.put("customFields", new LinkedHashMap<>(customFields));
    fields.put(
        "consent",
        consentGivenAt == null
            ? null
            : Map.of(
                "givenAt",
                consentGivenAt.toString(),
                "method",
                consentMethod.name(),
                "text",
                consentText));
    return fields;
  }

  void touch(UUID actor, Instant now) {
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  void moveToStage(UUID stageId, BigDecimal boardRank) {
    this.stageId = stageId;
    this.boardRank = boardRank;
  }

  void assignTo(UUID assigneeId, Instant now) {
    this.assigneeId = assigneeId;
    this.assignedAt = assigneeId == null ? null : now;
  }

  void markDoNotContact(boolean doNotContact, String reason, UUID actor, Instant now) {
    this.doNotContact = doNotContact;
    this.doNotContactReason = doNotContact ? reason : null;
    this.doNotContactAt = doNotContact ? now : null;
    this.doNotContactBy = doNotContact ? actor : null;
  }

  void delete(UUID actor, Instant now, UUID mergedIntoId) {
    this.deletedAt = now;
    this.deletedBy = actor;
    this.mergedIntoId = mergedIntoId;
  }

  void restore() {
    this.deletedAt = null;
    this.deletedBy = null;
  }

  UUID id() {
    return id;
  }

  UUID tenantId() {
    return tenantId;
  }

  UUID stageId() {
    return stageId;
  }

  BigDecimal boardRank() {
    return boardRank;
  }

  UUID assigneeId() {
    return assigneeId;
  }

  boolean isDoNotContact() {
    return doNotContact;
  }

  String doNotContactReason() {
    return doNotContactReason;
  }

  String emailNormalized() {
    return emailNormalized;
  }

  String phoneE164() {
    return phoneE164;
  }

  Map<String, Object> customFields() {
    return customFields;
  }

  List<String> tags() {
    return List.of(tags);
  }

  String notes() {
    return notes;
  }

  UUID mergedIntoId() {
    return mergedIntoId;
  }

  Instant deletedAt() {
    return deletedAt;
  }

  boolean isDeleted() {
    return deletedAt != null;
  }

  long version() {
    return version == null ? 0 : version;
  }
}
