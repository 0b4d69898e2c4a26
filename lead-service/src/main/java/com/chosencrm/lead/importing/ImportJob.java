package com.chosencrm.lead.importing;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.customfield.CustomFieldDefinition;
import com.chosencrm.lead.importing.ImportViews.ColumnHeader;
import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.importing.ImportViews.ProposedColumn;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A row of {@code import_job}. */
record ImportJob(
    UUID id,
    UUID tenantId,
    UUID createdBy,
    Set<String> actorRoles,
    UUID actorTeamId,
    State state,
    String fileName,
    String format,
    long fileSize,
    String storedFile,
    String sheetName,
    int headerRow,
    List<ColumnHeader> headers,
    List<List<String>> sampleRows,
    List<ProposedColumn> proposedMapping,
    List<MappedColumn> mapping,
    String duplicatePolicy,
    UUID defaultAssigneeId,
    List<CustomFieldDefinition> customFieldDefinitions,
    int rowsTotal,
    int rowsRead,
    int created,
    int updated,
    int skipped,
    int failed,
    int checkpointRow,
    String failure,
    boolean cancelRequested,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant undoneAt,
    UUID undoneBy,
    Integer undoRemoved,
    Integer undoKept) {

  enum State {
    MAPPING,
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    EXPIRED;

    boolean isFinished() {
      return this == COMPLETED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
  }

  /** The importing user, with the rights their token gave at upload. */
  CurrentUser actor() {
    return new CurrentUser(createdBy, tenantId, actorRoles, actorTeamId, "import:" + id, null);
  }
}
