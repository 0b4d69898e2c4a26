package com.chosencrm.user.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The stored company profile of a tenant; its name lives on the tenant itself. */
@Entity
@Table(name = "tenant_settings")
class TenantSettings {

  @Id private UUID tenantId;

  private String legalName;
  private String nmlsId;
  private String phone;
  private String email;
  private String website;
  private String addressLine1;
  private String addressLine2;
  private String city;
  private String state;
  private String postalCode;

  @Column(nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private String locale;

  private String logoUrl;

  @Column(nullable = false)
  private String primaryColor;

  @Column(nullable = false)
  private Instant updatedAt;

  private UUID updatedBy;

  // Null until persisted, which tells Spring Data the row is new (the id is assigned, not null).
  @Version private Long version;

  protected TenantSettings() {}

  TenantSettings(UUID tenantId) {
    this.tenantId = tenantId;
  }

  /**
   * The version clients see: 0 means "never saved", so the first save (stored version 0) is version
   * 1 and every later save adds one.
   */
  long clientVersion() {
    return version == null ? 0 : version + 1;
  }

  void apply(UpdateTenantSettings update, UUID actorId, Instant now) {
    legalName = update.legalName();
    nmlsId = update.nmlsId();
    phone = update.phone();
    email = update.email();
    website = update.website();
    addressLine1 = update.address().line1();
    addressLine2 = update.address().line2();
    city = update.address().city();
    state = update.address().state();
    postalCode = update.address().postalCode();
    timeZone = update.timeZone();
    locale = update.locale();
    logoUrl = update.branding().logoUrl();
    primaryColor = update.branding().primaryColor();
    updatedAt = now;
    updatedBy = actorId;
  }

  TenantSettingsView view(String companyName) {
    return new TenantSettingsView(
        companyName,
        legalName,
        nmlsId,
        phone,
        email,
        website,
        new TenantSettingsView.Address(addressLine1, addressLine2, city, state, postalCode),
        timeZone,
        locale,
        new TenantSettingsView.Branding(logoUrl, primaryColor),
        clientVersion(),
        updatedAt,
        updatedBy);
  }
}
