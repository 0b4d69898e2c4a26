package com.chosencrm.user.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's company profile as clients and consumers of {@link TenantSettingsChanged} see it.
 *
 * @param version 0 until the settings are first saved; send it back on PUT (optimistic locking)
 */
public record TenantSettingsView(
    String companyName,
    @Nullable String legalName,
    @Nullable String nmlsId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String website,
    Address address,
    String timeZone,
    String locale,
    Branding branding,
    long version,
    @Nullable Instant updatedAt,
    @Nullable UUID updatedBy) {

  public static final String DEFAULT_TIME_ZONE = "America/New_York";
  public static final String DEFAULT_LOCALE = "en-US";
  public static final String DEFAULT_PRIMARY_COLOR = "#0066FF";

  public record Address(
      @Nullable String line1,
      @Nullable String line2,
      @Nullable String city,
      @Nullable String state,
      @Nullable String postalCode) {

    static final Address EMPTY = new Address(null, null, null, null, null);
  }

  public record Branding(@Nullable String logoUrl, String primaryColor) {}

  /** The profile of a tenant that has never saved its settings. */
  static TenantSettingsView defaults(String companyName) {
    return new TenantSettingsView(
        companyName,
        null,
        null,
        null,
        null,
        null,
        Address.EMPTY,
        DEFAULT_TIME_ZONE,
        DEFAULT_LOCALE,
        new Branding(null, DEFAULT_PRIMARY_COLOR),
        0,
        null,
        null);
  }

  /**
   * Every editable field by the name a client knows it under ({@code address.city}), so that a
   * change can be described field by field in the audit trail and the event.
   */
  Map<String, String> editableFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("companyName", companyName);
    fields.put("legalName", legalName);
    fields.put("nmlsId", nmlsId);
    fields.put("phone", phone);
    fields.put("email", email);
    fields.put("website", website);
    fields.put("address.line1", address.line1());
    fields.put("address.line2", address.line2());
    fields.put("address.city", address.city());
    fields.put("address.state", address.state());
    fields.put("address.postalCode", address.postalCode());
    fields.put("timeZone", timeZone);
    fields.put("locale", locale);
    fields.put("branding.logoUrl", branding.logoUrl());
    fields.put("branding.primaryColor", branding.primaryColor());
    return fields;
  }
}
