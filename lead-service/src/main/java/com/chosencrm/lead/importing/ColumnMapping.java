package com.chosencrm.lead.importing;

import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.lead.customfield.CustomFieldDefinition;
import com.chosencrm.lead.customfield.CustomFieldRules;
import com.chosencrm.lead.importing.ImportViews.ColumnHeader;
import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.importing.ImportViews.ProposedColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which lead field each column of the file fills: proposed from the headers (the tenant's saved
 * choices first, then custom fields by key or label, then the common spellings), and checked when
 * the user confirms it.
 */
final class ColumnMapping {

  private ColumnMapping() {}

  static final String MATCHED_SAVED = "SAVED";
  static final String MATCHED_CUSTOM_FIELD = "CUSTOM_FIELD";
  static final String MATCHED_HEADER = "HEADER";

  /** A proposal for every column; unmatched ones have a null field. A field is used once. */
  static List<ProposedColumn> propose(
      List<ColumnHeader> headers,
      Map<String, String> saved,
      List<CustomFieldDefinition> customFields) {
    Map<String, String> customByHeader = new LinkedHashMap<>();
    for (CustomFieldDefinition definition : customFields) {
      String field = ImportField.CUSTOM_PREFIX + definition.key();
      customByHeader.putIfAbsent(ImportField.normalise(definition.key()), field);
      customByHeader.putIfAbsent(ImportField.normalise(definition.label()), field);
    }
    Set<String> used = new HashSet<>();
    List<ProposedColumn> proposal = new ArrayList<>();
    for (ColumnHeader header : headers) {
      String key = ImportField.normalise(header.name());
      String field = null;
      String matchedBy = null;
      if (!key.isEmpty()) {
        if (saved.containsKey(key) && !used.contains(saved.get(key))) {
          field = saved.get(key);
          matchedBy = MATCHED_SAVED;
        } else if (customByHeader.containsKey(key) && !used.contains(customByHeader.get(key))) {
          field = customByHeader.get(key);
          matchedBy = MATCHED_CUSTOM_FIELD;
        } else {
          Optional<ImportField> known = ImportField.forHeader(header.name());
          if (known.isPresent() && !used.contains(known.get().fieldName())) {
            field = known.get().fieldName();
            matchedBy = MATCHED_HEADER;
          }
        }
      }
      if (field != null) {
        used.add(field);
      }
      proposal.add(new ProposedColumn(header.column(), header.name(), field, matchedBy));
    }
    return proposal;
  }

  static List<MappedColumn> mapped(List<ProposedColumn> proposal) {
    return proposal.stream()
        .filter(p -> p.field() != null)
        .map(p -> new MappedColumn(p.column(), p.field()))
        .toList();
  }

  /** Field errors of a mapping the user sent (empty when it is fine). */
  static List<FieldError> problems(
      List<MappedColumn> mapping, int columns, CustomFieldRules customFields) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> used = new HashSet<>();
    Set<Integer> columnsUsed = new HashSet<>();
    for (int i = 0; i < mapping.size(); i++) {
      MappedColumn column = mapping.get(i);
      String path = "mapping[" + i + "]";
      if (column == null) {
        errors.add(new FieldError(path, "A column is required"));
        continue;
      }
      if (column.column() < 0 || column.column() >= columns) {
        errors.add(new FieldError(path + ".column", "The file has columns 0 to " + (columns - 1)));
      } else if (!columnsUsed.add(column.column())) {
        errors.add(new FieldError(path + ".column", "This column is mapped twice"));
      }
      String field = column.field();
      if (field == null || field.isBlank()) {
        errors.add(new FieldError(path + ".field", "Name the lead field this column fills"));
      } else if (field.startsWith(ImportField.CUSTOM_PREFIX)) {
        String key = field.substring(ImportField.CUSTOM_PREFIX.length());
        if (customFields.definition(key).isEmpty()) {
          errors.add(
              new FieldError(path + ".field", "'" + key + "' is not a custom field of leads"));
        }
      } else if (ImportField.byName(field).isEmpty()) {
        errors.add(
            new FieldError(
                path + ".field",
                "Unknown field '"
                    + field
                    + "'; use one of "
                    + String.join(", ", ImportField.names())
                    + " or customFields.<key>"));
      }
      if (field != null && !field.isBlank() && !used.add(field)) {
        errors.add(new FieldError(path + ".field", "'" + field + "' is mapped to two columns"));
      }
    }
    if (errors.isEmpty()
        && !used.contains(ImportField.FIRST_NAME.fieldName())
        && !used.contains(ImportField.LAST_NAME.fieldName())
        && !used.contains(ImportField.FULL_NAME.fieldName())) {
      errors.add(
          new FieldError(
              "mapping", "Map a name column (first name, last name or full name): leads need one"));
    }
    return errors;
  }
}
