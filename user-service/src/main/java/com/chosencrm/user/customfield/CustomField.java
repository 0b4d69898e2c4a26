package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import com.chosencrm.common.id.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "custom_field")
class CustomField {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EntityType entity;

  @Column(nullable = false)
  private String key;

  @Column(nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CustomFieldType type;

  // Null unless SELECT, as the table's check constraint requires.
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] options;

  @Column(nullable = false)
  private boolean required;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CustomField() {}

  CustomField(
      UUID tenantId,
      EntityType entity,
      String key,
      String label,
      CustomFieldType type,
      List<String> options,
      boolean required,
      int position) {
    // PostgreSQL keeps microseconds; the answer should match what a later GET reads.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    this.id = UuidV7.next();
    this.tenantId = tenantId;
    this.entity = entity;
    this.key = key;
    this.type = type;
    this.createdAt = now;
    change(label, options, required, position, now);
  }

  UUID id() {
    return id;
  }

  EntityType entity() {
    return entity;
  }

  String key() {
    return key;
  }

  CustomFieldType type() {
    return type;
  }

  int position() {
    return position;
  }

  /** Key and type are fixed for life: values stored by other services depend on both. */
  void change(String label, List<String> options, boolean required, int position, Instant now) {
    this.label = label;
    this.options = options.isEmpty() ? null : options.toArray(String[]::new);
    this.required = required;
    this.position = position;
    this.updatedAt = now;
  }

  CustomFieldDefinition definition() {
    return new CustomFieldDefinition(
        id,
        entity,
        key,
        label,
        type,
        options == null ? List.of() : List.of(options),
        required,
        position,
        createdAt,
        updatedAt);
  }

  /** What an admin can change, for describing a change in the audit trail. */
  Map<String, Object> editableAttributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("label", label);
    attributes.put("options", options == null ? List.of() : List.of(options));
    attributes.put("required", required);
    attributes.put("position", position);
    return attributes;
  }
}
