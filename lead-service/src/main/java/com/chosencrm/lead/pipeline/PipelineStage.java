package com.chosencrm.lead.pipeline;

import com.chosencrm.common.id.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "pipeline_stage")
class PipelineStage {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StageKind kind;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  protected PipelineStage() {}

  PipelineStage(UUID tenantId, String name, StageKind kind, int position) {
    Instant now = Instant.now();
    this.id = UuidV7.next();
    this.tenantId = tenantId;
    this.name = name;
    this.kind = kind;
    this.position = position;
    this.createdAt = now;
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  String name() {
    return name;
  }

  /** Renames, re-kinds and moves the stage; answers whether anything changed. */
  boolean change(String name, StageKind kind, int position) {
    if (this.name.equals(name) && this.kind == kind && this.position == position) {
      return false;
    }
    this.name = name;
    this.kind = kind;
    this.position = position;
    this.updatedAt = Instant.now();
    return true;
  }

  Stage view() {
    return new Stage(id, name, kind, position);
  }
}
