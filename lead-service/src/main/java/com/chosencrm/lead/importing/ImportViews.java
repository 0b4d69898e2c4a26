package com.chosencrm.lead.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the import endpoints answer with. */
final class ImportViews {

  private ImportViews() {}

  /**
   * A column of the file.
   *
   * @param column from 0
   * @param letter as the spreadsheet shows it: A, B, ..., AA
   * @param samples the first few values under the header
   */
  record ColumnHeader(int column, String letter, @Nullable String name, List<String> samples) {}

  /** A column and the lead field it fills ({@code email}, {@code customFields.x}). */
  record MappedColumn(int column, String field) {}

  /**
   * @param field null when nothing matched
   * @param matchedBy SAVED (the tenant's saved mapping), CUSTOM_FIELD, HEADER (a common spelling)
   */
  record ProposedColumn(
      int column, @Nullable String header, @Nullable String field, @Nullable String matchedBy) {}

  /**
   * @param rowsTotal rows with content in the file, counted at upload (an upper bound until the
   *     import ends, when it is the exact number read)
   * @param percent rowsRead of rowsTotal
   */
  record Progress(
      int rowsTotal,
      int rowsRead,
      int created,
      int updated,
      int skipped,
      int failed,
      int percent) {}

  record Undo(Instant undoneAt, @Nullable UUID undoneBy, int removed, int kept) {}

  /**
   * An import.
   *
   * @param state MAPPING (uploaded, waiting for the mapping), QUEUED, RUNNING, COMPLETED, FAILED,
   *     CANCELLED, EXPIRED (never started)
   * @param headerRow the row of the file the headers were read from
   * @param failure why a FAILED import stopped
   * @param errorReport where the report of refused and skipped rows is, once there are any
   */
  record ImportJobView(
      UUID id,
      String state,
      @Nullable String fileName,
      String format,
      long fileSize,
      @Nullable String sheetName,
      int headerRow,
      List<ColumnHeader> headers,
      List<List<String>> sampleRows,
      List<ProposedColumn> proposedMapping,
      @Nullable List<MappedColumn> mapping,
      @Nullable String duplicatePolicy,
      @Nullable UUID defaultAssigneeId,
      Progress progress,
      @Nullable String failure,
      @Nullable String errorReport,
      @Nullable UUID createdBy,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable Undo undo) {}

  /** An import in the list: without the file's headers and samples. */
  record ImportJobSummary(
      UUID id,
      String state,
      @Nullable String fileName,
      String format,
      @Nullable String duplicatePolicy,
      Progress progress,
      @Nullable String failure,
      @Nullable UUID createdBy,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable Undo undo) {}

  /** What undo did: leads removed, and leads kept because someone worked on them since. */
  record UndoResult(UUID importId, int removed, int kept) {}

  /** A saved header-to-field choice of the tenant. */
  record SavedMapping(String header, String field, Instant updatedAt) {}

  record SavedMappings(List<SavedMapping> items) {}
}
