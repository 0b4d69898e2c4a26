package com.chosencrm.user.settings;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * Body of {@code PUT /api/settings/tenant}: the whole profile, replacing the stored one. Optional
 * fields left out or blank are cleared; a missing primary colour falls back to the default.
 */
record TenantSettingsRequest(
    @NotBlank(message = "Company name is required")
        @Size(max = 200, message = "Company name must be at most 200 characters")
        String companyName,
    @Size(max = 200, message = "Legal name must be at most 200 characters") String legalName,
    @Pattern(
            regexp = "\\s*\\d{1,12}\\s*",
            message = "NMLS id must be the digits of the NMLS number")
        String nmlsId,
    @Pattern(
            regexp = "\\s*\\+?[0-9 ().-]{7,25}\\s*",
            message = "Phone must be a phone number such as (555) 123-4567 or +15551234567")
        String phone,
    @Email(message = "Email must be an email address")
        @Size(max = 254, message = "Email must be at most 254 characters")
        String email,
    @URL(
            protocol = "https",
            regexp = HTTPS_WITH_HOST,
            message = "Website must be an https:// address")
        @Size(max = 2048, message = "Website must be at most 2048 characters")
        String website,
    @Valid Address address,
    @NotBlank(message = "Time zone is required") @TimeZoneId String timeZone,
    @NotBlank(message = "Locale is required") @LanguageTag String locale,
    @Valid Branding branding,
    @NotNull(message = "Send the version you loaded, so that no one else's edit is overwritten")
        @PositiveOrZero(message = "Version must not be negative")
        Long version) {

  /** {@code @URL} alone lets {@code https://} without a host through. */
  static final String HTTPS_WITH_HOST = "https://[^\\s/?#]+[^\\s]*";

  // Named apart from TenantSettingsView's Address and Branding, which answers carry in full.
  @Schema(name = "AddressRequest")
  record Address(
      @Size(max = 200, message = "Address line 1 must be at most 200 characters") String line1,
      @Size(max = 200, message = "Address line 2 must be at most 200 characters") String line2,
      @Size(max = 100, message = "City must be at most 100 characters") String city,
      @Pattern(
              regexp = "\\s*[A-Za-z]{2}\\s*",
              message = "State must be a two-letter state code such as TX")
          String state,
      @Pattern(
              regexp = "\\s*\\d{5}(-\\d{4})?\\s*",
              message = "Postal code must be a ZIP code such as 75201 or 75201-1234")
          String postalCode) {}

  @Schema(name = "BrandingRequest")
  record Branding(
      @URL(
              protocol = "https",
              regexp = HTTPS_WITH_HOST,
              message = "Logo URL must be an https:// address")
          @Size(max = 2048, message = "Logo URL must be at most 2048 characters")
          String logoUrl,
      @Pattern(
              regexp = "#[0-9A-Fa-f]{6}",
              message = "Primary colour must be a hex colour such as #0066FF")
          String primaryColor) {}

  UpdateTenantSettings toCommand() {
    return new UpdateTenantSettings(
        companyName,
        legalName,
        nmlsId,
        phone,
        email,
        website,
        address == null
            ? null
            : new TenantSettingsView.Address(
                address.line1, address.line2, address.city, address.state, address.postalCode),
        timeZone,
        locale,
        branding == null
            ? null
            : new TenantSettingsView.Branding(branding.logoUrl, branding.primaryColor),
        version);
  }
}
