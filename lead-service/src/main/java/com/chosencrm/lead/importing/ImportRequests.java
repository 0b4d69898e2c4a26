package com.chosencrm.lead.importing;

import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.lead.LeadImportWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of the import endpoints. */
final class ImportRequests {

  static final String POLICIES = "Duplicate policy must be SKIP, UPDATE or CREATE";

  private ImportRequests() {}

  /**
   * How to run an import.
   *
   * @param mapping which column fills which field; the one-shot upload uses the proposed mapping
   *     when it is left out
   * @param duplicatePolicy SKIP (default), UPDATE or CREATE, for rows with the email or phone of a
   *     lead or of an earlier row
   * @param saveMapping remember these header choices for the tenant's next files
   * @param defaultAssigneeId gives every row without an assignee column value to this user instead
   *     of the assignment rules
   */
  record StartImport(
      @Size(max = 500, message = "At most 500 columns") List<@Valid MappedColumn> mapping,
      @Pattern(regexp = "SKIP|UPDATE|CREATE", message = POLICIES) String duplicatePolicy,
      Boolean saveMapping,
      UUID defaultAssigneeId) {

    ImportService.StartCommand toCommand() {
      return new ImportService.StartCommand(
          mapping,
          duplicatePolicy == null
              ? null
              : LeadImportWriter.DuplicatePolicy.valueOf(duplicatePolicy),
          Boolean.TRUE.equals(saveMapping),
          defaultAssigneeId);
    }
  }

  record SavedMappingItem(
      @NotNull(message = "Name the header") @Size(max = 200, message = "At most 200 characters")
          String header,
      @NotNull(message = "Name the field") @Size(max = 120, message = "At most 120 characters")
          String field) {}

  record SavedMappingsBody(
      @NotNull(message = "Send the items (an empty list removes every saved choice)")
          @Size(max = 500, message = "At most 500 saved headers")
          List<@Valid @NotNull(message = "An item is required") SavedMappingItem> items) {}
}
