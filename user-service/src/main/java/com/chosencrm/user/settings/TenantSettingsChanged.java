package com.chosencrm.user.settings;

import java.util.List;
import java.util.UUID;

/**
 * Payload of the {@code TenantSettingsChanged} event, published through the outbox whenever an
 * admin changes the company profile, feature flags or custom field definitions. One event type for
 * all three, so a consumer that caches a tenant's settings subscribes once and picks what it needs
 * by {@code section} or by the {@code changedFields} prefix.
 *
 * @param tenantId the tenant (also the event's aggregate id)
 * @param section {@code PROFILE}, {@code FEATURES} or {@code CUSTOM_FIELDS}
 * @param changedFields what changed: profile field names ({@code timeZone}, {@code
 *     branding.primaryColor}), {@code features.<key>}, or {@code customFields.<ENTITY>}
 * @param settings the new state of the section: the whole profile, every flag's effective value, or
 *     the entity's full list of custom field definitions
 */
public record TenantSettingsChanged(
    UUID tenantId, Section section, List<String> changedFields, Object settings) {

  public static final String TYPE = "TenantSettingsChanged";

  public enum Section {
    PROFILE,
    FEATURES,
    CUSTOM_FIELDS
  }

  public TenantSettingsChanged {
    changedFields = List.copyOf(changedFields);
  }
}
