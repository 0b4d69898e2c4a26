package com.chosencrm.user.tenant;

import com.chosencrm.common.id.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
class Tenant {

  enum Kind {
    CUSTOMER,
    /** Holds the platform operators; never listed, never suspended. */
    PLATFORM
  }

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant suspendedAt;

  @Version private long version;

  protected Tenant() {}

  Tenant(String name, Kind kind) {
    this.id = UuidV7.next();
    this.name = name;
    this.kind = kind;
    this.status = TenantStatus.ACTIVE;
    this.createdAt = Instant.now();
  }

  UUID id() {
    return id;
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  TenantStatus status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant suspendedAt() {
    return suspendedAt;
  }

  void rename(String name) {
    this.name = name;
  }

  void suspend() {
    this.status = TenantStatus.SUSPENDED;
    this.suspendedAt = Instant.now();
  }

  void reactivate() {
    this.status = TenantStatus.ACTIVE;
    this.suspendedAt = null;
  }

  TenantView view() {
    return new TenantView(id, name, status, createdAt, suspendedAt);
  }
}
