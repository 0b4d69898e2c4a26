package com.chosencrm.lead.importing;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.customfield.CustomFieldDefinition;
import com.chosencrm.lead.customfield.CustomFieldRules;
import com.chosencrm.lead.customfield.CustomFieldValidation;
import com.chosencrm.lead.importing.ImportViews.ColumnHeader;
import com.chosencrm.lead.importing.ImportViews.ImportJobSummary;
import com.chosencrm.lead.importing.ImportViews.ImportJobView;
import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.importing.ImportViews.Progress;
import com.chosencrm.lead.importing.ImportViews.ProposedColumn;
import com.chosencrm.lead.importing.ImportViews.SavedMapping;
import com.chosencrm.lead.importing.ImportViews.Undo;
import com.chosencrm.lead.importing.ImportViews.UndoResult;
import com.chosencrm.lead.importing.spreadsheet.RowReader;
import com.chosencrm.lead.importing.spreadsheet.SheetRow;
import com.chosencrm.lead.importing.spreadsheet.Spreadsheet;
import com.chosencrm.lead.importing.spreadsheet.UnreadableFileException;
import com.chosencrm.lead.lead.LeadImportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spreadsheet imports of leads, as the SPA's wizard runs them: upload (the file is checked, its
 * header read and a mapping proposed: state MAPPING), start with the confirmed mapping (QUEUED,
 * then RUNNING in the background on {@link ImportRunner}), follow the progress, download the rows
 * that did not go in, undo.
 *
 * <p>Admins see and run every import of their tenant; supervisors their own, and their leads go to
 * their team only. Another tenant's import, or another supervisor's, answers 404.
 */
@Service
public class ImportService {

  static final int SAMPLE_ROWS = 5;
  private static final int HEADER_SEARCH_ROWS = 10;

  private final ImportJobs jobs;
  private final ImportStorage storage;
  private final MappingTemplates templates;
  private final ImportRunner runner;
  private final ImportEvents events;
  private final CustomFieldValidation customFields;
  private final AgentDirectory agents;
  private final LeadImportWriter writer;
  private final ImportProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ImportService(
      ImportJobs jobs,
      ImportStorage storage,
      MappingTemplates templates,
      ImportRunner runner,
      ImportEvents events,
      CustomFieldValidation customFields,
      AgentDirectory agents,
      LeadImportWriter writer,
      ImportProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jobs = jobs;
    this.storage = storage;
    this.templates = templates;
    this.runner = runner;
    this.events = events;
    this.customFields = customFields;
    this.agents = agents;
    this.writer = writer;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** What the user chose for an import. */
  public record StartCommand(
      List<MappedColumn> mapping,
      LeadImportWriter.DuplicatePolicy duplicatePolicy,
      boolean saveMapping,
      UUID defaultAssigneeId) {}

  /** Where an upload was put, before anything was checked. */
  Path newUpload() {
    return storage.newUpload();
  }

  /**
   * Checks an uploaded file and proposes a mapping: answers the job in state MAPPING, or refuses
   * the file (400, and the file is deleted: no job).
   */
  public ImportJobView upload(CurrentUser actor, Path file, String fileName, long size) {
    requireImporter(actor);
    if (size > properties.maxFileSize().toBytes()) {
      storage.delete(file);
      throw ImportProblems.tooLarge(properties.maxFileSize().toBytes());
    }
    try {
      ImportJob job = inspect(actor, file, fileName, size);
      jobs.insert(job);
      return view(job);
    } catch (RuntimeException e) {
      storage.delete(file);
      throw e;
    }
  }

  /** Upload and start at once, with the proposed mapping unless one is given. */
  public ImportJobView uploadAndStart(
      CurrentUser actor, Path file, String fileName, long size, StartCommand command) {
    ImportJobView uploaded = upload(actor, file, fileName, size);
    List<MappedColumn> mapping =
        command.mapping() == null || command.mapping().isEmpty()
            ? ColumnMapping.mapped(uploaded.proposedMapping())
            : command.mapping();
    try {
      return start(
          actor,
          uploaded.id(),
          new StartCommand(
              mapping,
              command.duplicatePolicy(),
              command.saveMapping(),
              command.defaultAssigneeId()));
    } catch (RuntimeException e) {
      // A one-shot import that cannot start leaves nothing behind.
      jobs.deleteWaiting(uploaded.id());
      storage.delete(file);
      throw e;
    }
  }

  private ImportJob inspect(CurrentUser actor, Path file, String fileName, long size) {
    try (Spreadsheet sheet = Spreadsheet.open(file, storage.workDir())) {
      int rows = sheet.countRows();
      if (rows > properties.maxRows()) {
        throw ImportProblems.tooManyRows(rows, properties.maxRows());
      }
      List<SheetRow> top = new ArrayList<>();
      try (RowReader reader = sheet.rows()) {
        SheetRow row;
        while (top.size() < HEADER_SEARCH_ROWS + SAMPLE_ROWS && (row = reader.next()) != null) {
          if (!row.isBlank()) {
            top.add(row);
          }
        }
      }
      if (top.isEmpty()) {
        throw ImportProblems.unreadable(
            new UnreadableFileException(
                UnreadableFileException.Reason.EMPTY, "The file has no rows"));
      }
      List<CustomFieldDefinition> definitions = definitionsIfAvailable();
      Map<String, String> saved = templates.byHeader(actor.tenantId());
      int headerIndex = headerRow(top, saved, definitions);
      SheetRow headerRow = top.get(headerIndex);
      List<SheetRow> samples =
          top.subList(headerIndex + 1, Math.min(top.size(), headerIndex + 1 + SAMPLE_ROWS));
      if (samples.isEmpty()) {
        throw ImportProblems.noRows();
      }
      int width = headerRow.cells().size();
      for (SheetRow sample : samples) {
        width = Math.max(width, sample.cells().size());
      }
      List<ColumnHeader> headers = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        List<String> values = new ArrayList<>();
        for (SheetRow sample : samples) {
          values.add(sample.cell(c).text());
        }
        String name = headerRow.cell(c).text().strip();
        headers.add(
            new ColumnHeader(
                c, ImportJobs.letter(c), name.isEmpty() ? ImportJobs.letter(c) : name, values));
      }
      List<ProposedColumn> proposal = ColumnMapping.propose(headers, saved, definitions);
      if (proposal.stream().allMatch(p -> p.field() == null)) {
        throw ImportProblems.noColumns();
      }
      List<List<String>> sampleRows = new ArrayList<>();
      for (SheetRow sample : samples) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          values.add(sample.cell(c).text());
        }
        sampleRows.add(values);
      }
      return new ImportJob(
          UuidV7.next(),
          actor.tenantId(),
          actor.userId(),
          actor.roles(),
          actor.teamId(),
          ImportJob.State.MAPPING,
          cleanName(fileName),
          sheet.format().name(),
          size,
          file.getFileName().toString(),
          sheet.sheetName(),
          headerRow.number(),
          headers,
          sampleRows,
          proposal,
          null,
          null,
          null,
          List.of(),
          Math.max(0, rows - 1),
          0,
          0,
          0,
          0,
          0,
          0,
          null,
          false,
          clock.instant(),
          null,
          null,
          null,
          null,
          null,
          null);
    } catch (UnreadableFileException e) {
      throw ImportProblems.unreadable(e);
    } catch (IOException e) {
      throw ImportProblems.unreadable(
          new UnreadableFileException(
              UnreadableFileException.Reason.CORRUPT,
              "The file is damaged; open it in Excel and save it again",
              e));
    }
  }

  /**
   * The header is the first row that names at least two known fields among the first rows (a title
   * above the table is passed over), else the first row with content.
   */
  private static int headerRow(
      List<SheetRow> top, Map<String, String> saved, List<CustomFieldDefinition> definitions) {
    int limit = Math.min(top.size(), HEADER_SEARCH_ROWS);
    for (int i = 0; i < limit; i++) {
      List<ColumnHeader> headers = new ArrayList<>();
      SheetRow row = top.get(i);
      for (int c = 0; c < row.cells().size(); c++) {
        headers.add(new ColumnHeader(c, "", row.cell(c).text().strip(), List.of()));
      }
      long known =
          ColumnMapping.propose(headers, saved, definitions).stream()
              .filter(p -> p.field() != null)
              .count();
      if (known >= 2) {
        return i;
      }
    }
    return 0;
  }

  private List<CustomFieldDefinition> definitionsIfAvailable() {
    try {
      return customFields.definitions();
    } catch (ApiException unavailable) {
      // Proposing without custom fields is better than refusing the upload; start asks again.
      return List.of();
    }
  }

  /** Starts a MAPPING import with the user's mapping and choices: answers it QUEUED. */
  public ImportJobView start(CurrentUser actor, UUID id, StartCommand command) {
    requireImporter(actor);
    ImportJob job = load(actor, id);
    if (job.state() != ImportJob.State.MAPPING) {
      throw new ConflictException(
          "This import is " + job.state() + "; only an import waiting for its mapping can start");
    }
    List<CustomFieldDefinition> definitions = customFields.definitions();
    CustomFieldRules rules = new CustomFieldRules(definitions);
    List<MappedColumn> mapping = command.mapping() == null ? List.of() : command.mapping();
    List<FieldError> errors =
        new ArrayList<>(ColumnMapping.problems(mapping, job.headers().size(), rules));
    if (command.defaultAssigneeId() != null) {
      AgentView assignee = agents.find(actor.tenantId(), command.defaultAssigneeId()).orElse(null);
      if (assignee == null || !assignee.isActive()) {
        errors.add(new FieldError("defaultAssigneeId", "Not an active user of this tenant"));
      } else if (!actor.isAdmin()
          && !assignee.userId().equals(actor.userId())
          && !assignee.isInTeam(actor.teamId())) {
        errors.add(
            new FieldError("defaultAssigneeId", "Supervisors assign leads within their own team"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " fields are not valid",
          errors);
    }
    LeadImportWriter.DuplicatePolicy policy =
        command.duplicatePolicy() == null
            ? LeadImportWriter.DuplicatePolicy.SKIP
            : command.duplicatePolicy();
    if (!storage.exists(job.storedFile())) {
      throw new ConflictException("The uploaded file is no longer here; upload it again");
    }
    if (command.saveMapping()) {
      Map<String, String> choices = new LinkedHashMap<>();
      for (MappedColumn column : mapping) {
        choices.put(job.headers().get(column.column()).name(), column.field());
      }
      templates.save(actor.tenantId(), choices, actor.userId(), clock.instant());
    }
    if (!jobs.queue(
        id, mapping, policy, command.defaultAssigneeId(), definitions, clock.instant())) {
      throw new ConflictException("This import was started or cancelled meanwhile");
    }
    runner.wakeUp();
    return view(load(actor, id));
  }

  public ImportJobView get(CurrentUser actor, UUID id) {
    requireImporter(actor);
    return view(load(actor, id));
  }

  public CursorPage<ImportJobSummary> list(CurrentUser actor, String cursor, int limit) {
    requireImporter(actor);
    UUID before = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, 1).uuid(0);
    List<ImportJob> rows = jobs.list(actor.tenantId(), onlyOwn(actor), before, limit + 1);
    return CursorPage.fromRows(rows, limit, j -> Cursor.of(j.id()), this::summary);
  }

  /**
   * Stops an import: one waiting for its mapping or queued ends now; a running one stops after the
   * batch it is writing (what it wrote stays; undo removes it).
   */
  public ImportJobView cancel(CurrentUser actor, UUID id) {
    requireImporter(actor);
    ImportJob job = load(actor, id);
    if (job.state() == ImportJob.State.RUNNING) {
      jobs.requestCancel(id);
    } else if (jobs.end(
        id,
        Set.of(ImportJob.State.MAPPING, ImportJob.State.QUEUED),
        ImportJob.State.CANCELLED,
        null)) {
      storage.delete(job.storedFile());
    } else {
      throw new ConflictException("This import has already ended (" + job.state() + ")");
    }
    return view(load(actor, id));
  }

  /**
   * Removes the leads the import created that nobody has changed since (no history entry but the
   * import's own); the others are kept and counted.
   */
  public UndoResult undo(CurrentUser actor, UUID id) {
    requireImporter(actor);
    ImportJob job = load(actor, id);
    if (!job.state().isFinished() || job.state() == ImportJob.State.EXPIRED) {
      throw new ConflictException(
          "Only an import that has run can be undone; this one is " + job.state());
    }
    LeadImportWriter.UndoResult result =
        writer.undo(actor.tenantId(), id, properties.undoBatchSize());
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          jobs.undone(id, actor.userId(), result.removed(), result.kept(), now);
          events.undone(
              actor.tenantId(),
              new ImportEvents.LeadsImportUndone(
                  id, result.removed(), result.kept(), actor.userId()));
        });
    return new UndoResult(id, result.removed(), result.kept());
  }

  /** The rows the import refused or skipped, as an xlsx workbook. */
  public void errorReport(CurrentUser actor, UUID id, OutputStream out) {
    requireImporter(actor);
    load(actor, id);
    TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
    readOnly.setReadOnly(true);
    readOnly.executeWithoutResult(
        status -> {
          try {
            ErrorReport.write(out, consumer -> jobs.eachError(id, consumer));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  public void checkReport(CurrentUser actor, UUID id) {
    requireImporter(actor);
    load(actor, id);
  }

  public List<SavedMapping> savedMappings(CurrentUser actor) {
    requireImporter(actor);
    return templates.list(actor.tenantId());
  }

  public List<SavedMapping> replaceSavedMappings(CurrentUser actor, Map<String, String> mappings) {
    requireImporter(actor);
    List<FieldError> errors = new ArrayList<>();
    mappings.forEach(
        (header, field) -> {
          if (ImportField.normalise(header).isEmpty()) {
            errors.add(
                new FieldError("items", "A header needs letters or digits: '" + header + "'"));
          } else if (field == null
              || !(ImportField.byName(field).isPresent()
                  || field.startsWith(ImportField.CUSTOM_PREFIX)
                      && field.length() > ImportField.CUSTOM_PREFIX.length())) {
            errors.add(
                new FieldError(
                    "items",
                    "Unknown field '"
                        + field
                        + "' for '"
                        + header
                        + "'; use one of "
                        + String.join(", ", ImportField.names())
                        + " or customFields.<key>"));
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors.getFirst().message(), errors);
    }
    templates.replace(actor.tenantId(), mappings, actor.userId(), clock.instant());
    return templates.list(actor.tenantId());
  }

  private ImportJob load(CurrentUser actor, UUID id) {
    return jobs.find(actor.tenantId(), id, onlyOwn(actor))
        .orElseThrow(() -> new NotFoundException("Import", id));
  }

  private static UUID onlyOwn(CurrentUser actor) {
    return actor.isAdmin() ? null : actor.userId();
  }

  private static void requireImporter(CurrentUser actor) {
    if (!actor.isAdmin() && !actor.isSupervisor()) {
      throw new AccessDeniedException("Imports are for admins and supervisors");
    }
  }

  private static String cleanName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "upload";
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static Progress progress(ImportJob job) {
    int total = Math.max(job.rowsTotal(), job.rowsRead());
    int percent =
        job.state() == ImportJob.State.COMPLETED
            ? 100
            : total == 0 ? 0 : (int) Math.min(99, job.rowsRead() * 100L / total);
    return new Progress(
        total, job.rowsRead(), job.created(), job.updated(), job.skipped(), job.failed(), percent);
  }

  private static Undo undoOf(ImportJob job) {
    return job.undoneAt() == null
        ? null
        : new Undo(
            job.undoneAt(),
            job.undoneBy(),
            job.undoRemoved() == null ? 0 : job.undoRemoved(),
            job.undoKept() == null ? 0 : job.undoKept());
  }

  ImportJobView view(ImportJob job) {
    return new ImportJobView(
        job.id(),
        job.state().name(),
        job.fileName(),
        job.format(),
        job.fileSize(),
        job.sheetName(),
        job.headerRow(),
        job.headers(),
        job.sampleRows(),
        job.proposedMapping(),
        job.mapping(),
        job.duplicatePolicy(),
        job.defaultAssigneeId(),
        progress(job),
        job.failure(),
        job.failed() + job.skipped() > 0 ? "/api/leads/imports/" + job.id() + "/errors.xlsx" : null,
        job.createdBy(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        undoOf(job));
  }

  private ImportJobSummary summary(ImportJob job) {
    return new ImportJobSummary(
        job.id(),
        job.state().name(),
        job.fileName(),
        job.format(),
        job.duplicatePolicy(),
        progress(job),
        job.failure(),
        job.createdBy(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        undoOf(job));
  }
}
