package com.chosencrm.user.customfield;

import com.chosencrm.common.customfield.CustomFieldType;
import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.settings.SettingsChanges;
import com.chosencrm.user.settings.TenantSettingsChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom field definitions per tenant and entity type, and checking values against them. */
@Service
public class CustomFieldService {

  static final String AUDIT_TARGET = "CUSTOM_FIELD";

  /** Enough for any real form; a bound keeps validation and the SPA's forms cheap. */
  static final int MAX_FIELDS_PER_ENTITY = 100;

  static final int MAX_OPTIONS = 100;

  private final CustomFieldRepository fields;
  private final SettingsChanges changes;

  CustomFieldService(CustomFieldRepository fields, SettingsChanges changes) {
    this.fields = fields;
    this.changes = changes;
  }

  /** The tenant's fields of one entity type (all types if null), in form order. */
  @Transactional(readOnly = true)
  public List<CustomFieldDefinition> list(UUID tenantId, EntityType entity) {
    List<CustomField> found =
        entity == null
            ? fields.findByTenantIdOrderByEntityAscPositionAscKeyAsc(tenantId)
            : fields.findByTenantIdAndEntityOrderByPositionAscKeyAsc(tenantId, entity);
    return found.stream().map(CustomField::definition).toList();
  }

  /** A validator holding the tenant's current definitions for the entity type. */
  @Transactional(readOnly = true)
  public CustomFieldValidator validatorFor(UUID tenantId, EntityType entity) {
    return new CustomFieldValidator(entity, list(tenantId, entity));
  }

  /**
   * The values normalised, or 400 with a field error {@code customFields.<key>} for each problem.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> validate(UUID tenantId, EntityType entity, Map<String, ?> values) {
    return validatorFor(tenantId, entity).validate(values);
  }

  @Transactional
  public CustomFieldDefinition create(CurrentUser actor, NewCustomField command) {
    UUID tenantId = actor.tenantId();
    List<String> options = checkedOptions(command.type(), command.options());
    if (fields.existsByTenantIdAndEntityAndKey(tenantId, command.entity(), command.key())) {
      throw new ConflictException(
          "A custom field with the key '"
              + command.key()
              + "' already exists for "
              + command.entity().plural());
    }
    if (fields.countByTenantIdAndEntity(tenantId, command.entity()) >= MAX_FIELDS_PER_ENTITY) {
      throw new BusinessRuleException(
          command.entity().plural()
              + " already have "
              + MAX_FIELDS_PER_ENTITY
              + " custom fields, the most allowed; delete one you no longer use first");
    }
    int position =
        command.position() != null
            ? command.position()
            : fields.maxPosition(tenantId, command.entity()) + 1;
    CustomField field =
        fields.saveAndFlush(
            new CustomField(
                tenantId,
                command.entity(),
                command.key(),
                command.label().strip(),
                command.type(),
                options,
                command.required(),
                position));

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", "CREATED");
    details.put("entity", field.entity().name());
    details.put("key", field.key());
    details.put("type", field.type().name());
    details.put("definition", field.editableAttributes());
    recordChange(actor, field, details);
    return field.definition();
  }

  /**
   * Changes label, options, required flag and position. Key and type are fixed once a field exists:
   * other services have stored values under that key, checked against that type.
   */
  @Transactional
  public CustomFieldDefinition update(CurrentUser actor, UUID id, CustomFieldChange command) {
    CustomField field = find(actor.tenantId(), id);
    if (command.type() != null && command.type() != field.type()) {
      throw new BusinessRuleException(
          "The type of custom field '"
              + field.key()
              + "' cannot change from "
              + field.type()
              + " to "
              + command.type()
              + ": "
              + field.entity().plural()
              + " already hold values checked as "
              + field.type()
              + ", which would no longer be valid. Create a new field of type "
              + command.type()
              + " instead.");
    }
    if (command.key() != null && !command.key().equals(field.key())) {
      throw new BusinessRuleException(
          "The key of custom field '"
              + field.key()
              + "' cannot change: "
              + field.entity().plural()
              + " store their values under it. Change the label instead, or create a new field.");
    }
    List<String> options = checkedOptions(field.type(), command.options());
    Map<String, Object> before = field.editableAttributes();
    int position = command.position() != null ? command.position() : field.position();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("label", command.label().strip());
    after.put("options", options);
    after.put("required", command.required());
    after.put("position", position);
    Map<String, Map<String, Object>> diff = diff(before, after);
    if (diff.isEmpty()) {
      return field.definition();
    }
    field.change(
        command.label().strip(),
        options,
        command.required(),
        position,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    fields.flush();

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", "UPDATED");
    details.put("entity", field.entity().name());
    details.put("key", field.key());
    details.put("changes", diff);
    recordChange(actor, field, details);
    return field.definition();
  }

  /**
   * Removes the definition. Values already stored by other services stay where they are; they are
   * no longer checked or shown.
   */
  @Transactional
  public void delete(CurrentUser actor, UUID id) {
    CustomField field = find(actor.tenantId(), id);
    fields.delete(field);
    fields.flush();

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", "DELETED");
    details.put("entity", field.entity().name());
    details.put("key", field.key());
    details.put("type", field.type().name());
    details.put("definition", field.editableAttributes());
    recordChange(actor, field, details);
  }

  private CustomField find(UUID tenantId, UUID id) {
    return fields
        .findByIdAndTenantId(id, tenantId)
        .orElseThrow(() -> new NotFoundException("Custom field", id));
  }

  private void recordChange(CurrentUser actor, CustomField field, Map<String, Object> details) {
    EntityType entity = field.entity();
    changes.record(
        actor,
        AuditAction.CUSTOM_FIELDS_CHANGED,
        AUDIT_TARGET,
        field.id(),
        details,
        new TenantSettingsChanged(
            actor.tenantId(),
            TenantSettingsChanged.Section.CUSTOM_FIELDS,
            List.of("customFields." + entity.name()),
            Map.of("entity", entity, "fields", list(actor.tenantId(), entity))));
  }

  /**
   * A SELECT field needs at least one option and no option twice (ignoring case, since users would
   * not tell them apart); any other type takes none. Options are kept trimmed, in the given order.
   */
  private static List<String> checkedOptions(CustomFieldType type, List<String> options) {
    List<String> given =
        options == null
            ? List.of()
            : options.stream().map(o -> o == null ? "" : o.strip()).toList();
    if (type != CustomFieldType.SELECT) {
      if (!given.isEmpty()) {
        throw InvalidRequestException.field(
            "options",
            "Only SELECT fields have options; leave options out for a " + type + " field");
      }
      return List.of();
    }
    if (given.isEmpty()) {
      throw InvalidRequestException.field(
          "options", "A SELECT field needs at least one option to choose from");
    }
    if (given.stream().anyMatch(String::isEmpty)) {
      throw InvalidRequestException.field("options", "Options must not be blank");
    }
    if (given.size() > MAX_OPTIONS) {
      throw InvalidRequestException.field(
          "options", "A SELECT field can have at most " + MAX_OPTIONS + " options");
    }
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (String option : given) {
      if (!seen.add(option.toLowerCase(Locale.ROOT))) {
        duplicates.add(option);
      }
    }
    if (!duplicates.isEmpty()) {
      throw InvalidRequestException.field(
          "options", "Options must be distinct; repeated: " + String.join(", ", duplicates));
    }
    return given;
  }

  private static Map<String, Map<String, Object>> diff(
      Map<String, Object> before, Map<String, Object> after) {
    Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
    before.forEach(
        (attribute, oldValue) -> {
          Object newValue = after.get(attribute);
          if (!Objects.equals(oldValue, newValue)) {
            Map<String, Object> change = new HashMap<>();
            change.put("old", oldValue);
            change.put("new", newValue);
            diff.put(attribute, change);
          }
        });
    return diff;
  }
}
