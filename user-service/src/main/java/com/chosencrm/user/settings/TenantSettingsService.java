package com.chosencrm.user.settings;

import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.tenant.Tenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a tenant's company profile, with optimistic locking on its version. */
@Service
public class TenantSettingsService {

  static final String AUDIT_TARGET = "TENANT_SETTINGS";

  private final TenantSettingsRepository settings;
  private final Tenants tenants;
  private final SettingsChanges changes;

  TenantSettingsService(
      TenantSettingsRepository settings, Tenants tenants, SettingsChanges changes) {
    this.settings = settings;
    this.tenants = tenants;
    this.changes = changes;
  }

  /** The saved profile, or the defaults if the tenant has never saved one. */
  @Transactional(readOnly = true)
  public TenantSettingsView get(UUID tenantId) {
    String companyName = tenants.get(tenantId).name();
    return settings
        .findById(tenantId)
        .map(stored -> stored.view(companyName))
        .orElseGet(() -> TenantSettingsView.defaults(companyName));
  }

  /**
   * Replaces the profile. A request based on an older version than the stored one is refused (409)
   * instead of silently overwriting another admin's edit. A request that changes nothing saves
   * nothing and leaves the version as it is.
   */
  @Transactional
  public TenantSettingsView update(CurrentUser actor, UpdateTenantSettings update) {
    UUID tenantId = actor.tenantId();
    String currentName = tenants.get(tenantId).name();
    Optional<TenantSettings> stored = settings.findById(tenantId);
    TenantSettingsView before =
        stored
            .map(s -> s.view(currentName))
            .orElseGet(() -> TenantSettingsView.defaults(currentName));
    if (update.expectedVersion() != before.version()) {
      throw new ConflictException(
          "The settings were changed by someone else since you loaded them (you sent version "
              + update.expectedVersion()
              + ", the current version is "
              + before.version()
              + "); reload them and apply your changes again");
    }

    Map<String, Map<String, String>> diff =
        diff(before.editableFields(), update.asProfile().editableFields());
    if (diff.isEmpty()) {
      return before;
    }
    if (!update.companyName().equals(currentName)) {
      tenants.rename(tenantId, update.companyName());
    }
    TenantSettings entity = stored.orElseGet(() -> new TenantSettings(tenantId));
    // PostgreSQL keeps microseconds; the answer should match what a later GET reads.
    entity.apply(update, actor.userId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    // Flushed now so that the answer carries the version the next edit must send.
    TenantSettingsView after = settings.saveAndFlush(entity).view(update.companyName());

    List<String> changedFields = new ArrayList<>(diff.keySet());
    changes.record(
        actor,
        AuditAction.TENANT_SETTINGS_CHANGED,
        AUDIT_TARGET,
        tenantId,
        Map.of("changes", diff),
        new TenantSettingsChanged(
            tenantId, TenantSettingsChanged.Section.PROFILE, changedFields, after));
    return after;
  }

  /** Field name to {@code {old, new}} for every field whose value differs. */
  private static Map<String, Map<String, String>> diff(
      Map<String, String> before, Map<String, String> after) {
    Map<String, Map<String, String>> diff = new LinkedHashMap<>();
    before.forEach(
        (field, oldValue) -> {
          String newValue = after.get(field);
          if (!Objects.equals(oldValue, newValue)) {
            // HashMap, because either side may be null (a cleared or a first value).
            Map<String, String> change = new HashMap<>();
            change.put("old", oldValue);
            change.put("new", newValue);
            diff.put(field, change);
          }
        });
    return diff;
  }
}
