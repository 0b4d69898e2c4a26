package com.chosencrm.lead.importing;

import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.lead.customfield.CustomFieldDefinition;
import com.chosencrm.lead.customfield.CustomFieldRules;
import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.importing.spreadsheet.Cell;
import com.chosencrm.lead.importing.spreadsheet.SheetRow;
import com.chosencrm.lead.lead.LeadCommands.Consent;
import com.chosencrm.lead.lead.LeadCommands.NewLead;
import com.chosencrm.lead.lead.LeadImportWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a row of the file into a lead command by the confirmed mapping, reading each cell as its
 * field needs (amounts, dates, flags, spellings). Cells are never evaluated: a value starting with
 * {@code =} is stored as the text it is.
 */
final class RowMapper {

  /** Where each lead field's value came from, for the error report. */
  record Source(int column, String header) {}

  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final Map<String, String> headers = new HashMap<>();
  private final Map<String, UUID> usersByEmail;
  private final CustomFieldRules customFields;
  private final boolean date1904;

  /**
   * @param usersByEmail the tenant's users by lower-case email, for assignee columns
   */
  RowMapper(
      List<MappedColumn> mapping,
      List<ImportViews.ColumnHeader> fileHeaders,
      Map<String, UUID> usersByEmail,
      CustomFieldRules customFields,
      boolean date1904) {
    for (MappedColumn column : mapping) {
      columns.put(column.field(), column.column());
      headers.put(
          column.field(),
          column.column() < fileHeaders.size()
              ? fileHeaders.get(column.column()).name()
              : ImportJobs.letter(column.column()));
    }
    this.usersByEmail = usersByEmail;
    this.customFields = customFields;
    this.date1904 = date1904;
  }

  LeadImportWriter.Row map(SheetRow row) {
    List<FieldError> errors = new ArrayList<>();
    String first = text(row, "firstName");
    String last = text(row, "lastName");
    String full = text(row, "fullName");
    if (full != null && first == null && last == null) {
      String[] split = CellValues.splitName(full);
      first = split[0];
      last = split[1];
    }
    BigDecimal amount = null;
    String amountText = text(row, "loanAmount");
    if (amountText != null) {
      amount = CellValues.amount(amountText).orElse(null);
      if (amount == null) {
        errors.add(new FieldError("loanAmount", "Not an amount of money"));
      }
    }
    boolean doNotContact = false;
    String dnc = text(row, "doNotContact");
    if (dnc != null) {
      Optional<Boolean> flag = CellValues.flag(dnc);
      if (flag.isEmpty()) {
        errors.add(new FieldError("doNotContact", "Say yes or no"));
      } else {
        doNotContact = flag.get();
      }
    }
    Consent consent = null;
    Cell consentCell = cell(row, "consentGivenAt");
    String consentMethod = text(row, "consentMethod");
    String consentText = text(row, "consentText");
    if (!consentCell.isBlank() || consentMethod != null || consentText != null) {
      java.time.Instant givenAt = null;
      if (!consentCell.isBlank()) {
        Optional<LocalDateTime> moment = CellValues.dateTime(consentCell, date1904);
        if (moment.isEmpty()) {
          errors.add(new FieldError("consent.givenAt", "Not a date (use 2024-03-15 or 3/15/2024)"));
        } else {
          givenAt = moment.get().toInstant(ZoneOffset.UTC);
        }
      }
      consent =
          new Consent(givenAt, consentMethod == null ? "IMPORTED" : consentMethod, consentText);
    }
    UUID assignee = null;
    String assigneeText = text(row, "assignee");
    if (assigneeText != null) {
      assignee = assignee(assigneeText);
      if (assignee == null) {
        errors.add(new FieldError("assigneeId", "No user of this tenant has this email or id"));
      }
    }
    NewLead lead =
        new NewLead(
            first,
            last,
            text(row, "email"),
            text(row, "phone"),
            text(row, "source"),
            text(row, "status"),
            CellValues.loanPurpose(text(row, "loanPurpose")),
            amount,
            null,
            CellValues.state(text(row, "propertyState")),
            CellValues.creditBand(text(row, "creditBand")),
            text(row, "notes"),
            CellValues.tags(text(row, "tags")),
            custom(row),
            assignee,
            doNotContact,
            text(row, "doNotContactReason"),
            consent);
    return new LeadImportWriter.Row(row.number(), lead, errors);
  }

  private Map<String, Object> custom(SheetRow row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> column : columns.entrySet()) {
      if (!column.getKey().startsWith(ImportField.CUSTOM_PREFIX)) {
        continue;
      }
      String key = column.getKey().substring(ImportField.CUSTOM_PREFIX.length());
      Cell cell = row.cell(column.getValue());
      if (cell.isBlank()) {
        continue;
      }
      String type = customFields.definition(key).map(CustomFieldDefinition::type).orElse("TEXT");
      String text = cell.text().strip();
      values.put(
          key,
          switch (type) {
            case "DATE" ->
                CellValues.dateTime(cell, date1904)
                    .map(d -> (Object) d.toLocalDate().toString())
                    .orElse(text);
            case "BOOLEAN" -> CellValues.flag(text).map(b -> (Object) b.toString()).orElse(text);
            case "NUMBER" ->
                CellValues.amount(text).map(a -> (Object) a.toPlainString()).orElse(text);
            default -> text;
          });
    }
    return values;
  }

  private UUID assignee(String text) {
    try {
      UUID id = UUID.fromString(text);
      return usersByEmail.containsValue(id) ? id : null;
    } catch (IllegalArgumentException notAnId) {
      return usersByEmail.get(text.toLowerCase(Locale.ROOT));
    }
  }

  private Cell cell(SheetRow row, String field) {
    Integer column = columns.get(field);
    return column == null ? Cell.EMPTY : row.cell(column);
  }

  private String text(SheetRow row, String field) {
    return CellValues.text(cell(row, field));
  }

  /**
   * The column a lead field's problem belongs to: its own, or the full name column for names, or
   * the consent date column for consent.
   */
  Optional<Source> sourceOf(String field) {
    if (field == null) {
      return Optional.empty();
    }
    String key =
        switch (field) {
          case "consent.givenAt" -> "consentGivenAt";
          case "consent.method" -> "consentMethod";
          case "consent.text" -> "consentText";
          case "assigneeId" -> "assignee";
          default -> field;
        };
    if (!columns.containsKey(key)
        && (key.equals("firstName") || key.equals("lastName"))
        && columns.containsKey("fullName")) {
      key = "fullName";
    }
    if (!columns.containsKey(key) && key.startsWith("consent")) {
      key = columns.containsKey("consentText") ? "consentText" : "consentGivenAt";
    }
    Integer column = columns.get(key);
    return column == null ? Optional.empty() : Optional.of(new Source(column, headers.get(key)));
  }
}
