package com.chosencrm.lead.importing;

import com.chosencrm.lead.customfield.CustomFieldDefinition;
import com.chosencrm.lead.importing.ImportViews.ColumnHeader;
import com.chosencrm.lead.importing.ImportViews.MappedColumn;
import com.chosencrm.lead.importing.ImportViews.ProposedColumn;
import com.chosencrm.lead.lead.LeadImportWriter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code import_job} and {@code import_error} tables. */
@Component
class ImportJobs {

  private static final TypeReference<List<ColumnHeader>> HEADERS = new TypeReference<>() {};
  private static final TypeReference<List<List<String>>> SAMPLES = new TypeReference<>() {};
  private static final TypeReference<List<ProposedColumn>> PROPOSAL = new TypeReference<>() {};
  private static final TypeReference<List<MappedColumn>> MAPPING = new TypeReference<>() {};
  private static final TypeReference<List<CustomFieldDefinition>> DEFINITIONS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate cursor;
  private final JsonMapper json;

  ImportJobs(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
    this.jdbc = jdbc;
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(1000);
    this.json = json;
  }

  /** A column's letters as the spreadsheet shows them: 0 is A, 26 is AA. */
  static String letter(int column) {
    StringBuilder letters = new StringBuilder();
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  @Transactional
  void insert(ImportJob job) {
    jdbc.sql(
            """
            insert into import_job (id, tenant_id, created_by, actor_roles, actor_team_id, state,
                file_name, file_format, file_size, stored_file, sheet_name, header_row, headers,
                sample_rows, proposed_mapping, rows_total, created_at)
            values (:id, :tenantId, :createdBy, :roles, :teamId, :state, :fileName, :format,
                :fileSize, :storedFile, :sheetName, :headerRow, cast(:headers as jsonb),
                cast(:samples as jsonb), cast(:proposal as jsonb), :rowsTotal, :createdAt)
            """)
        .param("id", job.id())
        .param("tenantId", job.tenantId())
        .param("createdBy", job.createdBy())
        .param("roles", job.actorRoles().toArray(String[]::new))
        .param("teamId", job.actorTeamId())
        .param("state", job.state().name())
        .param("fileName", job.fileName())
        .param("format", job.format())
        .param("fileSize", job.fileSize())
        .param("storedFile", job.storedFile())
        .param("sheetName", job.sheetName())
        .param("headerRow", job.headerRow())
        .param("headers", json.writeValueAsString(job.headers()))
        .param("samples", json.writeValueAsString(job.sampleRows()))
        .param("proposal", json.writeValueAsString(job.proposedMapping()))
        .param("rowsTotal", job.rowsTotal())
        .param("createdAt", utc(job.createdAt()))
        .update();
  }

  /**
   * The import if the tenant has it and the caller may see it: admins every import of the tenant,
   * others their own.
   */
  @Transactional(readOnly = true)
  Optional<ImportJob> find(UUID tenantId, UUID id, UUID onlyCreatedBy) {
    return jdbc.sql(
            "select * from import_job where tenant_id = :tenantId and id = :id"
                + " and (cast(:createdBy as uuid) is null or created_by = :createdBy)")
        .param("tenantId", tenantId)
        .param("id", id)
        .param("createdBy", onlyCreatedBy)
        .query(this::map)
        .optional();
  }

  @Transactional(readOnly = true)
  Optional<ImportJob> get(UUID id) {
    return jdbc.sql("select * from import_job where id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** Newest first, after the cursor's id. */
  @Transactional(readOnly = true)
  List<ImportJob> list(UUID tenantId, UUID onlyCreatedBy, UUID before, int limit) {
    return jdbc.sql(
            """
            select * from import_job
             where tenant_id = :tenantId
               and (cast(:createdBy as uuid) is null or created_by = :createdBy)
               and (cast(:before as uuid) is null or id < :before)
             order by id desc limit :limit
            """)
        .param("tenantId", tenantId)
        .param("createdBy", onlyCreatedBy)
        .param("before", before)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  /** From MAPPING to QUEUED with the user's choices; false if it was no longer MAPPING. */
  @Transactional
  boolean queue(
      UUID id,
      List<MappedColumn> mapping,
      LeadImportWriter.DuplicatePolicy policy,
      UUID defaultAssigneeId,
      List<CustomFieldDefinition> definitions,
      Instant now) {
    return jdbc.sql(
                """
                update import_job
                   set state = 'QUEUED', mapping = cast(:mapping as jsonb),
                       duplicate_policy = :policy, default_assignee_id = :assignee,
                       custom_field_definitions = cast(:definitions as jsonb),
                       heartbeat_at = :now
                 where id = :id and state = 'MAPPING'
                """)
            .param("id", id)
            .param("mapping", json.writeValueAsString(mapping))
            .param("policy", policy.name())
            .param("assignee", defaultAssigneeId)
            .param("definitions", json.writeValueAsString(definitions))
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * Takes the oldest job this instance can run: queued, or running on an instance that stopped
   * reporting. Rows are locked with SKIP LOCKED, so instances never take the same job.
   *
   * @param canRun whether this instance can see the job's file
   */
  @Transactional
  Optional<ImportJob> claim(String owner, Instant staleBefore, Predicate<ImportJob> canRun) {
    List<ImportJob> candidates =
        jdbc.sql(
                """
                select * from import_job
                 where state = 'QUEUED' or (state = 'RUNNING' and heartbeat_at < :staleBefore)
                 order by id
                 for update skip locked
                 limit 20
                """)
            .param("staleBefore", utc(staleBefore))
            .query(this::map)
            .list();
    for (ImportJob job : candidates) {
      if (canRun.test(job)) {
        jdbc.sql(
                """
                update import_job
                   set state = 'RUNNING', owner = :owner, heartbeat_at = now(),
                       started_at = coalesce(started_at, now())
                 where id = :id
                """)
            .param("owner", owner)
            .param("id", job.id())
            .update();
        return get(job.id());
      }
    }
    return Optional.empty();
  }

  /**
   * Adds a committed batch to the job, in the batch's transaction. False if another instance took
   * the job over meanwhile: the caller must then roll back and stop.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean progress(
      UUID id, String owner, int checkpointRow, int rowsRead, LeadImportWriter.BatchResult result) {
    return jdbc.sql(
                """
                update import_job
                   set checkpoint_row = :checkpoint, rows_read = rows_read + :read,
                       created = created + :created, updated = updated + :updated,
                       skipped = skipped + :skipped, failed = failed + :failed,
                       heartbeat_at = now()
                 where id = :id and owner = :owner and state = 'RUNNING'
                """)
            .param("checkpoint", checkpointRow)
            .param("read", rowsRead)
            .param("created", result.created())
            .param("updated", result.updated())
            .param("skipped", result.skipped())
            .param("failed", result.failed())
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  @Transactional(readOnly = true)
  boolean isCancelRequested(UUID id) {
    return jdbc.sql("select cancel_requested from import_job where id = :id")
        .param("id", id)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /** Ends a job this instance runs; false if it is no longer ours. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean finish(UUID id, String owner, ImportJob.State state, String failure, Integer rowsTotal) {
    return jdbc.sql(
                """
                update import_job
                   set state = :state, failure = :failure, finished_at = now(),
                       rows_total = coalesce(:rowsTotal, rows_total), stored_file = null,
                       owner = null
                 where id = :id and owner = :owner and state = 'RUNNING'
                """)
            .param("state", state.name())
            .param("failure", failure)
            .param("rowsTotal", rowsTotal)
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  /** Ends a job that never ran (cancelled, expired, orphaned). */
  @Transactional
  boolean end(UUID id, Set<ImportJob.State> from, ImportJob.State state, String failure) {
    return jdbc.sql(
                """
                update import_job
                   set state = :state, failure = :failure, finished_at = now(),
                       stored_file = null, owner = null
                 where id = :id and state = any(:from)
                """)
            .param("state", state.name())
            .param("failure", failure)
            .param("id", id)
            .param("from", from.stream().map(Enum::name).toArray(String[]::new))
            .update()
        == 1;
  }

  /** Removes an import that never started (a one-shot upload whose options were refused). */
  @Transactional
  void deleteWaiting(UUID id) {
    jdbc.sql("delete from import_job where id = :id and state = 'MAPPING'")
        .param("id", id)
        .update();
  }

  @Transactional
  boolean requestCancel(UUID id) {
    return jdbc.sql(
                "update import_job set cancel_requested = true where id = :id and state = 'RUNNING'")
            .param("id", id)
            .update()
        == 1;
  }

  @Transactional
  void undone(UUID id, UUID by, int removed, int kept, Instant at) {
    jdbc.sql(
            """
            update import_job
               set undone_at = :at, undone_by = :by, undo_removed = coalesce(undo_removed, 0) + :removed,
                   undo_kept = :kept
             where id = :id
            """)
        .param("at", utc(at))
        .param("by", by)
        .param("removed", removed)
        .param("kept", kept)
        .param("id", id)
        .update();
  }

  /** Uploads never started within the time they are kept. */
  @Transactional(readOnly = true)
  List<ImportJob> waitingSince(Instant before) {
    return jdbc.sql(
            "select * from import_job where state = 'MAPPING' and created_at < :before limit 100")
        .param("before", utc(before))
        .query(this::map)
        .list();
  }

  /** Keeps queued jobs whose file this instance holds from looking orphaned. */
  @Transactional
  void touch(List<UUID> ids, String owner) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update import_job set heartbeat_at = now()
             where id = any(:ids) and (state = 'QUEUED' or (state = 'RUNNING' and owner = :owner))
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .param("owner", owner)
        .update();
  }

  /** Jobs queued or running whose instance has not reported since. */
  @Transactional(readOnly = true)
  List<ImportJob> silentSince(Instant before) {
    return jdbc.sql(
            """
            select * from import_job
             where state in ('QUEUED', 'RUNNING') and heartbeat_at < :before limit 100
            """)
        .param("before", utc(before))
        .query(this::map)
        .list();
  }

  /** An error report row. */
  record ErrorRow(int rowNumber, String column, String value, String reason) {}

  /** The problems of a batch, in its transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void addErrors(UUID importId, UUID tenantId, List<ErrorRow> errors) {
    if (errors.isEmpty()) {
      return;
    }
    int n = errors.size();
    Integer[] rows = new Integer[n];
    Integer[] seqs = new Integer[n];
    String[] columns = new String[n];
    String[] values = new String[n];
    String[] reasons = new String[n];
    int seq = 0;
    for (int i = 0; i < n; i++) {
      ErrorRow e = errors.get(i);
      seq = i > 0 && errors.get(i - 1).rowNumber() == e.rowNumber() ? seq + 1 : 0;
      rows[i] = e.rowNumber();
      seqs[i] = seq;
      columns[i] = e.column();
      values[i] = e.value();
      reasons[i] = e.reason();
    }
    jdbc.sql(
            """
            insert into import_error (import_id, tenant_id, row_number, seq, column_name, value, reason)
            select :importId, :tenantId, r, s, c, v, m
              from unnest(:rows, :seqs, :columns, :values, :reasons) as e(r, s, c, v, m)
            on conflict do nothing
            """)
        .param("importId", importId)
        .param("tenantId", tenantId)
        .param("rows", rows)
        .param("seqs", seqs)
        .param("columns", columns)
        .param("values", values)
        .param("reasons", reasons)
        .update();
  }

  /** Streams the import's problems in row order (call inside a transaction: a cursor is used). */
  @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
  void eachError(UUID importId, Consumer<ErrorRow> consumer) {
    cursor.query(
        """
        select row_number, column_name, value, reason from import_error
         where import_id = ? order by row_number, seq
        """,
        rs -> {
          consumer.accept(
              new ErrorRow(
                  rs.getInt("row_number"),
                  rs.getString("column_name"),
                  rs.getString("value"),
                  rs.getString("reason")));
        },
        importId);
  }

  private ImportJob map(ResultSet rs, int n) throws SQLException {
    String mapping = rs.getString("mapping");
    String definitions = rs.getString("custom_field_definitions");
    return new ImportJob(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("created_by", UUID.class),
        strings(rs.getArray("actor_roles")),
        rs.getObject("actor_team_id", UUID.class),
        ImportJob.State.valueOf(rs.getString("state")),
        rs.getString("file_name"),
        rs.getString("file_format"),
        rs.getLong("file_size"),
        rs.getString("stored_file"),
        rs.getString("sheet_name"),
        rs.getInt("header_row"),
        json.readValue(rs.getString("headers"), HEADERS),
        json.readValue(rs.getString("sample_rows"), SAMPLES),
        json.readValue(rs.getString("proposed_mapping"), PROPOSAL),
        mapping == null ? null : json.readValue(mapping, MAPPING),
        rs.getString("duplicate_policy"),
        rs.getObject("default_assignee_id", UUID.class),
        definitions == null ? List.of() : json.readValue(definitions, DEFINITIONS),
        rs.getInt("rows_total"),
        rs.getInt("rows_read"),
        rs.getInt("created"),
        rs.getInt("updated"),
        rs.getInt("skipped"),
        rs.getInt("failed"),
        rs.getInt("checkpoint_row"),
        rs.getString("failure"),
        rs.getBoolean("cancel_requested"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        instant(rs.getTimestamp("undone_at")),
        rs.getObject("undone_by", UUID.class),
        (Integer) rs.getObject("undo_removed"),
        (Integer) rs.getObject("undo_kept"));
  }

  private static Set<String> strings(Array array) throws SQLException {
    return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
