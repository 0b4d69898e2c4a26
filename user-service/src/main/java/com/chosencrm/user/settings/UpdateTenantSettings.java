package com.chosencrm.user.settings;

import java.util.Locale;

/**
 * The command to replace a tenant's company profile. Values arrive already checked for shape (Bean
 * Validation on the request); here they are brought to one canonical form, so that {@code " en-us"}
 * and {@code "en-US"} are the same setting and never show up as a change.
 *
 * @param expectedVersion the version the admin's edit was based on
 */
public record UpdateTenantSettings(
    String companyName,
    String legalName,
    String nmlsId,
    String phone,
    String email,
    String website,
    TenantSettingsView.Address address,
    String timeZone,
    String locale,
    TenantSettingsView.Branding branding,
    long expectedVersion) {

  public UpdateTenantSettings {
    companyName = companyName.strip();
    legalName = optional(legalName);
    nmlsId = optional(nmlsId);
    phone = optional(phone);
    email = optional(email);
    website = optional(website);
    address =
        address == null
            ? TenantSettingsView.Address.EMPTY
            : new TenantSettingsView.Address(
                optional(address.line1()),
                optional(address.line2()),
                optional(address.city()),
                optional(address.state()) == null
                    ? null
                    : address.state().strip().toUpperCase(Locale.ROOT),
                optional(address.postalCode()));
    timeZone = timeZone.strip();
    locale = Locale.forLanguageTag(locale.strip()).toLanguageTag();
    String logoUrl = branding == null ? null : optional(branding.logoUrl());
    String color = branding == null ? null : optional(branding.primaryColor());
    branding =
        new TenantSettingsView.Branding(
            logoUrl,
            color == null
                ? TenantSettingsView.DEFAULT_PRIMARY_COLOR
                : color.toUpperCase(Locale.ROOT));
  }

  /** The profile this command describes, to compare field by field with the stored one. */
  TenantSettingsView asProfile() {
    return new TenantSettingsView(
        companyName,
        legalName,
        nmlsId,
        phone,
        email,
        website,
        address,
        timeZone,
        locale,
        branding,
        expectedVersion,
        null,
        null);
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
