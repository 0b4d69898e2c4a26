package com.chosencrm.user.feature;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.settings.SettingsChanges;
import com.chosencrm.user.settings.TenantSettingsChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's feature flags: the value in effect for each flag of the {@link FeatureFlag} registry,
 * and partial updates by admins.
 */
@Service
public class FeatureFlagService {

  static final String AUDIT_TARGET = "FEATURE_FLAGS";

  private final FeatureFlagStore store;
  private final SettingsChanges changes;
  private final JsonMapper json;

  FeatureFlagService(FeatureFlagStore store, SettingsChanges changes, JsonMapper json) {
    this.store = store;
    this.changes = changes;
    this.json = json;
  }

  /** Every flag of the registry, in registry order. */
  @Transactional(readOnly = true)
  public List<FeatureFlagView> list(UUID tenantId) {
    return views(store.findAll(tenantId));
  }

  /** The value in effect for one flag: what an admin set, or the default. */
  @Transactional(readOnly = true)
  public Object valueOf(UUID tenantId, FeatureFlag flag) {
    FeatureFlagStore.StoredFlag stored = store.findAll(tenantId).get(flag.key());
    return effective(flag, stored);
  }

  public boolean isEnabled(UUID tenantId, FeatureFlag flag) {
    if (flag.type() != FlagType.BOOLEAN) {
      throw new IllegalArgumentException(flag.key() + " is not a BOOLEAN flag");
    }
    return (Boolean) valueOf(tenantId, flag);
  }

  /**
   * Sets the flags named in {@code values} and leaves the others alone. A null value resets the
   * flag to its default. Unknown keys and values of the wrong type fail the whole update (400, one
   * field error per key), so an admin never ends up with half of a change.
   */
  @Transactional
  public List<FeatureFlagView> update(CurrentUser actor, Map<String, Object> values) {
    Map<FeatureFlag, Object> requested = parse(values);
    UUID tenantId = actor.tenantId();
    store.lockTenant(tenantId);
    Map<String, FeatureFlagStore.StoredFlag> stored = store.findAll(tenantId);

    // A value equal to the one in effect is not a change: nothing is stored, audited or published.
    Map<String, String> toSave = new LinkedHashMap<>();
    List<String> toReset = new ArrayList<>();
    Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
    requested.forEach(
        (flag, value) -> {
          FeatureFlagStore.StoredFlag current = stored.get(flag.key());
          Object before = effective(flag, current);
          Object after = value == null ? flag.defaultValue() : value;
          if (value == null && current != null) {
            toReset.add(flag.key());
          } else if (value != null && !value.equals(before)) {
            toSave.put(flag.key(), json.writeValueAsString(value));
          }
          if (!before.equals(after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("old", before);
            change.put("new", after);
            diff.put(flag.key(), change);
          }
        });
    if (toSave.isEmpty() && toReset.isEmpty()) {
      return views(stored);
    }

    store.save(tenantId, toSave, actor.userId(), Instant.now());
    store.delete(tenantId, toReset);
    Map<String, FeatureFlagStore.StoredFlag> updated = store.findAll(tenantId);
    if (diff.isEmpty()) {
      return views(updated); // only an override equal to the default was removed
    }
    Map<String, Object> effectiveValues = new LinkedHashMap<>();
    for (FeatureFlag flag : FeatureFlag.values()) {
      effectiveValues.put(flag.key(), effective(flag, updated.get(flag.key())));
    }
    changes.record(
        actor,
        AuditAction.FEATURE_FLAGS_CHANGED,
        AUDIT_TARGET,
        tenantId,
        Map.of("changes", diff),
        new TenantSettingsChanged(
            tenantId,
            TenantSettingsChanged.Section.FEATURES,
            diff.keySet().stream().map(key -> "features." + key).toList(),
            effectiveValues));
    return views(updated);
  }

  private Map<FeatureFlag, Object> parse(Map<String, Object> values) {
    Map<FeatureFlag, Object> parsed = new EnumMap<>(FeatureFlag.class);
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          Optional<FeatureFlag> flag = FeatureFlag.byKey(key);
          if (flag.isEmpty()) {
            errors.add(new InvalidRequestException.FieldError(key, "is not a known feature flag"));
          } else if (value == null) {
            parsed.put(flag.get(), null);
          } else {
            flag.get()
                .accept(value)
                .ifPresentOrElse(
                    accepted -> parsed.put(flag.get(), accepted),
                    () ->
                        errors.add(
                            new InvalidRequestException.FieldError(key, flag.get().expectation())));
          }
        });
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(InvalidRequestException.FieldError::field));
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " feature flags are not valid",
          errors);
    }
    return parsed;
  }

  private List<FeatureFlagView> views(Map<String, FeatureFlagStore.StoredFlag> stored) {
    List<FeatureFlagView> views = new ArrayList<>();
    for (FeatureFlag flag : FeatureFlag.values()) {
      FeatureFlagStore.StoredFlag set = stored.get(flag.key());
      boolean overridden = set != null && storedValue(flag, set).isPresent();
      views.add(
          new FeatureFlagView(
              flag.key(),
              flag.type(),
              effective(flag, set),
              flag.defaultValue(),
              flag.description(),
              flag.allowedValues(),
              flag.minimum(),
              flag.maximum(),
              overridden,
              overridden ? set.updatedAt() : null,
              overridden ? set.updatedBy() : null));
    }
    return views;
  }

  private Object effective(FeatureFlag flag, FeatureFlagStore.StoredFlag stored) {
    return Optional.ofNullable(stored)
        .flatMap(s -> storedValue(flag, s))
        .orElse(flag.defaultValue());
  }

  /**
   * A stored value that no longer fits the flag (its allowed values or range changed in a later
   * release) counts as unset, so the tenant gets the default rather than an error.
   */
  private Optional<Object> storedValue(FeatureFlag flag, FeatureFlagStore.StoredFlag stored) {
    try {
      return flag.accept(json.readValue(stored.json(), Object.class));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
