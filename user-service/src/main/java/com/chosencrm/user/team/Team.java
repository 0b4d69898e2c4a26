package com.chosencrm.user.team;

import com.chosencrm.common.id.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A team of a tenant. Its members are the users whose team it is; see {@code Memberships}. */
@Entity
@Table(name = "team")
class Team {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  private UUID supervisorId;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Team() {}

  Team(UUID tenantId, String name) {
    Instant now = Instant.now();
    this.id = UuidV7.next();
    this.tenantId = tenantId;
    this.name = name.strip();
    this.createdAt = now;
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID tenantId() {
    return tenantId;
  }

  String name() {
    return name;
  }

  UUID supervisorId() {
    return supervisorId;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  boolean isSupervisedBy(UUID userId) {
    return userId != null && userId.equals(supervisorId);
  }

  void rename(String name) {
    this.name = name.strip();
    touch();
  }

  void appoint(UUID supervisorId) {
    this.supervisorId = supervisorId;
    touch();
  }

  void touch() {
    this.updatedAt = Instant.now();
  }
}
