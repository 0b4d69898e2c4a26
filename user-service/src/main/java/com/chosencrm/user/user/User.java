package com.chosencrm.user.user;

import com.chosencrm.common.id.UuidV7;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "app_user")
class User {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String firstName;

  @Column(nullable = false)
  private String lastName;

  @Column(nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active;

  private UUID teamId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  private Instant deactivatedAt;

  @Column(nullable = false)
  private Instant passwordChangedAt;

  @Version private long version;

  protected User() {}

  User(
      UUID tenantId,
      String email,
      String firstName,
      String lastName,
      String passwordHash,
      Set<Role> roles,
      UUID teamId) {
    Instant now = Instant.now();
    this.id = UuidV7.next();
    this.tenantId = tenantId;
    this.email = normalizeEmail(email);
    this.firstName = firstName.strip();
    this.lastName = lastName.strip();
    this.passwordHash = passwordHash;
    this.active = true;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.teamId = teamId;
    this.createdAt = now;
    this.updatedAt = now;
    this.passwordChangedAt = now;
  }

  static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  UUID id() {
    return id;
  }

  UUID tenantId() {
    return tenantId;
  }

  String email() {
    return email;
  }

  String firstName() {
    return firstName;
  }

  String lastName() {
    return lastName;
  }

  String passwordHash() {
    return passwordHash;
  }

  boolean isActive() {
    return active;
  }

  UUID teamId() {
    return teamId;
  }

  Set<Role> roles() {
    return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  Instant deactivatedAt() {
    return deactivatedAt;
  }

  void rename(String firstName, String lastName) {
    this.firstName = firstName.strip();
    this.lastName = lastName.strip();
    touch();
  }

  void changeEmail(String email) {
    this.email = normalizeEmail(email);
    touch();
  }

  void assignRoles(Set<Role> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
    touch();
  }

  void assignTeam(UUID teamId) {
    this.teamId = teamId;
    touch();
  }

  void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
    this.passwordChangedAt = Instant.now();
    touch();
  }

  void deactivate() {
    this.active = false;
    this.deactivatedAt = Instant.now();
    touch();
  }

  void reactivate() {
    this.active = true;
    this.deactivatedAt = null;
    touch();
  }

  private void touch() {
    this.updatedAt = Instant.now();
  }

  UserAccount account() {
    return new UserAccount(
        id,
        tenantId,
        email,
        firstName,
        lastName,
        roles(),
        teamId,
        active,
        passwordHash,
        createdAt,
        updatedAt);
  }
}
