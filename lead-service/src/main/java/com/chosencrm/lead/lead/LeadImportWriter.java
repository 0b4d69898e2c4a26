package com.chosencrm.lead.lead;

import com.chosencrm.common.customfield.CustomFieldChecker;
import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.assignment.AssignmentLog;
import com.chosencrm.lead.assignment.LeadFacts;
import com.chosencrm.lead.assignment.LeadRouter;
import com.chosencrm.lead.assignment.RoutingSession;
import com.chosencrm.lead.customfield.CustomFieldRules;
import com.chosencrm.lead.lead.LeadCommands.NewLead;
import com.chosencrm.lead.lead.LeadDetails.ConsentRecord;
import com.chosencrm.lead.pipeline.Pipeline;
import com.chosencrm.lead.pipeline.Stage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the rows of a spreadsheet import, a batch per transaction of the caller: the same field
 * rules as the form ({@link LeadDetails}), duplicates found against the tenant's live leads and the
 * batch's earlier rows, assignment by the tenant's rules, and each created lead written whole
 * (lead, history, assignment) or not at all. Leads go in with {@code COPY}.
 *
 * <p>Unlike {@link LeadService#createAll}, an import announces no event per lead: the caller
 * publishes one {@code LeadsImported} for the whole import, and consumers list its leads with
 * {@code GET /api/leads?importId=}. Custom fields are checked against a snapshot of the tenant's
 * definitions ({@link CustomFieldRules}) instead of a call to user-service per distinct value.
 *
 * <p>History rows the import writes carry the request id {@code import:<id>}, which is how undo
 * tells a lead nobody has touched since from one somebody has.
 */
@Service
public class LeadImportWriter {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LeadImportWriter.class);

  /** What an import does with a row whose email or phone number is already a lead's. */
  public enum DuplicatePolicy {
    /** Leave the existing lead as it is and report the row as skipped. */
    SKIP,
    /** Write the row's non-empty values into the existing lead. */
    UPDATE,
    /** Create a new lead anyway. */
    CREATE
  }

  /**
   * How one import writes.
   *
   * @param defaultAssigneeId for rows without an assignee of their own; null lets the rules decide
   * @param customFields the tenant's definitions as fetched when the import started
   */
  public record Settings(
      UUID importId,
      CurrentUser actor,
      DuplicatePolicy policy,
      UUID defaultAssigneeId,
      String fileName,
      CustomFieldRules customFields) {

    String requestId() {
      return requestIdOf(importId);
    }
  }

  /**
   * A row of the file in the lead's terms.
   *
   * @param rowNumber where the user finds it in the file
   * @param cellErrors values that could not even be read (a date that is no date), by field
   */
  public record Row(int rowNumber, NewLead lead, List<FieldError> cellErrors) {}

  /**
   * A row checked by {@link #prepare}: everything that needs no database. Safe to make on another
   * thread than the one that writes.
   */
  public static final class PreparedRow {
    final int rowNumber;
    final LeadDetails details;
    final Map<String, Object> customFields;
    final String status;
    final UUID assigneeId;
    final boolean doNotContact;
    final String doNotContactReason;
    final List<FieldError> errors;

    private PreparedRow(
        int rowNumber,
        LeadDetails details,
        Map<String, Object> customFields,
        String status,
        UUID assigneeId,
        boolean doNotContact,
        String doNotContactReason,
        List<FieldError> errors) {
      this.rowNumber = rowNumber;
      this.details = details;
      this.customFields = customFields;
      this.status = status;
      this.assigneeId = assigneeId;
      this.doNotContact = doNotContact;
      this.doNotContactReason = doNotContactReason;
      this.errors = errors;
    }

    public int rowNumber() {
      return rowNumber;
    }
  }

  /**
   * Why a row did not go in.
   *
   * @param field the lead field it is about ({@code email}, {@code customFields.x}); null for the
   *     row as a whole
   * @param skipped a duplicate left alone, not an error
   */
  public record Problem(int rowNumber, String field, String reason, boolean skipped) {}

  /** What a batch did; every row is counted once. */
  public record BatchResult(
      int created, int updated, int skipped, int failed, List<Problem> problems) {}

  /** The request id on the history rows an import writes. */
  public static String requestIdOf(UUID importId) {
    return "import:" + importId;
  }

  private static final String LEAD_COLUMNS =
      "id, tenant_id, first_name, last_name, email, email_normalized, phone, phone_e164, source,"
          + " stage_id, board_rank, loan_purpose, loan_amount, loan_currency, property_state,"
          + " credit_band, notes, tags, custom_fields, assignee_id, assigned_at, do_not_contact,"
          + " do_not_contact_reason, do_not_contact_at, do_not_contact_by, consent_given_at,"
          + " consent_method, consent_text, created_at, created_by, updated_at, updated_by, version";
  private static final String HISTORY_COLUMNS =
      "id, tenant_id, lead_id, action, field, old_value, new_value, actor_id, reason, request_id,"
          + " occurred_at";
  private static final String ASSIGNMENT_COLUMNS =
      "id, tenant_id, lead_id, from_user_id, to_user_id, method, rule_id, reason, actor_id,"
          + " request_id, assigned_at";
  private static final String IMPORTED_COLUMNS =
      "import_id, tenant_id, lead_id, outcome, row_number";

  private final LeadRepository leads;
  private final LeadHistory history;
  private final DuplicateDetector duplicates;
  private final Pipeline pipeline;
  private final LeadRouter router;
  private final AgentDirectory agents;
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate transactions;

  LeadImportWriter(
      LeadRepository leads,
      LeadHistory history,
      DuplicateDetector duplicates,
      Pipeline pipeline,
      LeadRouter router,
      AgentDirectory agents,
      DataSource dataSource,
      JdbcClient jdbc,
      JsonMapper json,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.leads = leads;
    this.history = history;
    this.duplicates = duplicates;
    this.pipeline = pipeline;
    this.router = router;
    this.agents = agents;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Checks a row's values; custom fields by type only, since an update keeps the lead's own. */
  public PreparedRow prepare(Settings settings, Row row) {
    NewLead command = row.lead();
    List<FieldError> errors = new ArrayList<>(row.cellErrors());
    Set<String> unreadable = new HashSet<>();
    row.cellErrors().forEach(e -> unreadable.add(e.field()));
    LeadDetails details = LeadDetails.from(command, clock.instant(), errors);
    String dncReason =
        LeadDetails.doNotContactReason(
            command.doNotContact(), command.doNotContactReason(), errors);
    CustomFieldChecker.Result custom = settings.customFields().check(command.customFields(), false);
    errors.addAll(custom.errors());
    // A value that could not be read is reported once, not again as missing.
    List<FieldError> distinct = new ArrayList<>(new LinkedHashSet<>(errors));
    distinct.removeIf(e -> unreadable.contains(e.field()) && !row.cellErrors().contains(e));
    return new PreparedRow(
        row.rowNumber(),
        details,
        custom.values(),
        command.status(),
        command.assigneeId(),
        command.doNotContact(),
        dncReason,
        List.copyOf(distinct));
  }

  /** A row on its way in. */
  private static final class Planned {
    final PreparedRow row;
    final UUID leadId = UuidV7.next();
    LeadDetails details;
    final Map<String, Object> customFields;
    final Stage stage;
    UUID assigneeId;
    AssignmentLog.Method method;
    UUID ruleId;
    final List<PreparedRow> mergedRows = new ArrayList<>();

    Planned(PreparedRow row, Stage stage, UUID assigneeId) {
      this.row = row;
      this.details = row.details;
      this.customFields = new LinkedHashMap<>(row.customFields);
      this.stage = stage;
      this.assigneeId = assigneeId;
      this.method = assigneeId == null ? null : AssignmentLog.Method.MANUAL;
    }
  }

  /**
   * Writes a batch in the caller's transaction. Rows with errors are reported; the rest are
   * created, update a lead, or are skipped as duplicates, as the policy says.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public BatchResult write(Settings settings, List<PreparedRow> rows) {
    CurrentUser actor = settings.actor();
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // The tenant's lead table grows by thousands of rows a second during an import; a plan cached
    // while it was small (a sequential scan for the duplicate lookup) would make every later batch
    // slower. Planning each statement for the table as it is now costs far less.
    long tStart = System.nanoTime();
    // Not waiting for the commit's WAL flush is safe: the job's checkpoint commits with its rows,
    // so a batch lost in a crash is simply written again when the job is resumed.
    jdbc.sql(
            "select set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('synchronous_commit', 'off', true)")
        .query()
        .singleRow();
    List<Problem> problems = new ArrayList<>();
    int failed = 0;
    int skipped = 0;

    Map<String, Stage> stages = new HashMap<>();
    List<Stage> pipelineStages = pipeline.stages(tenantId);
    for (Stage stage : pipelineStages) {
      stages.put(stage.name().toLowerCase(Locale.ROOT), stage);
      stages.put(stage.id().toString(), stage);
    }
    Stage initial = pipelineStages.getFirst();
    Set<UUID> named = new HashSet<>();
    rows.forEach(
        r -> {
          if (r.assigneeId != null) {
            named.add(r.assigneeId);
          }
        });
    if (settings.defaultAssigneeId() != null) {
      named.add(settings.defaultAssigneeId());
    }
    Map<UUID, AgentView> assignable = new HashMap<>();
    agents.findAll(tenantId, named).forEach(a -> assignable.put(a.userId(), a));
    Predicate<UUID> inScope = scope(actor);

    List<Planned> accepted = new ArrayList<>();
    for (PreparedRow row : rows) {
      List<FieldError> errors = new ArrayList<>(row.errors);
      Stage stage = initial;
      if (row.status != null && !row.status.isBlank()) {
        stage = stages.get(row.status.strip().toLowerCase(Locale.ROOT));
        if (stage == null) {
          errors.add(new FieldError("status", pipeline.unknownStatus(tenantId, row.status)));
        }
      }
      UUID assignee = row.assigneeId != null ? row.assigneeId : settings.defaultAssigneeId();
      if (assignee != null && errors.isEmpty()) {
        AgentView agent = assignable.get(assignee);
        String field = row.assigneeId != null ? "assigneeId" : "defaultAssigneeId";
        if (agent == null || !agent.isActive()) {
          errors.add(new FieldError(field, "Not an active user of this tenant"));
        } else if (!assignee.equals(actor.userId()) && !inScope.test(assignee)) {
          errors.add(new FieldError(field, "Supervisors assign leads within their own team"));
        }
      }
      if (!errors.isEmpty()) {
        failed++;
        errors.forEach(
            e -> problems.add(new Problem(row.rowNumber, e.field(), e.message(), false)));
        continue;
      }
      accepted.add(new Planned(row, stage, assignee));
    }

    // Duplicates: against live leads of the tenant (earlier batches of this import included),
    // then within the batch.
    long tDuplicates = System.nanoTime();
    List<Planned> creates = new ArrayList<>();
    Map<UUID, List<Planned>> updates = new LinkedHashMap<>();
    if (settings.policy() == DuplicatePolicy.CREATE) {
      creates.addAll(accepted);
    } else {
      analyzeIfNeverAnalyzed();
      List<List<DuplicateMatch>> existing =
          duplicates.find(
              tenantId,
              accepted.stream()
                  .map(
                      p ->
                          new DuplicateDetector.Candidate(
                              p.details.emailNormalized(), p.details.phoneE164()))
                  .toList(),
              List.of());
      Map<String, Object> byEmail = new HashMap<>();
      Map<String, Object> byPhone = new HashMap<>();
      for (int k = 0; k < accepted.size(); k++) {
        Planned p = accepted.get(k);
        String email = p.details.emailNormalized();
        String phone = p.details.phoneE164();
        Set<Object> targets = new LinkedHashSet<>();
        existing.get(k).forEach(m -> targets.add(m.leadId()));
        Object sameEmail = email == null ? null : byEmail.get(email);
        Object samePhone = phone == null ? null : byPhone.get(phone);
        if (sameEmail != null) {
          targets.add(sameEmail);
        }
        if (samePhone != null) {
          targets.add(samePhone);
        }
        if (targets.isEmpty()) {
          creates.add(p);
          remember(byEmail, byPhone, email, phone, p);
          continue;
        }
        String field = duplicateField(existing.get(k), sameEmail, samePhone);
        if (settings.policy() == DuplicatePolicy.SKIP) {
          skipped++;
          problems.add(new Problem(p.row.rowNumber, field, skipReason(targets, field), true));
          continue;
        }
        if (targets.size() > 1) {
          failed++;
          problems.add(
              new Problem(
                  p.row.rowNumber,
                  field,
                  "Matches more than one lead by email and phone number; merge them first or"
                      + " import this row with the policy 'create'",
                  false));
          continue;
        }
        Object target = targets.iterator().next();
        if (target instanceof Planned earlier) {
          earlier.details = overlay(earlier.details, p.details);
          earlier.customFields.putAll(p.row.customFields);
          earlier.mergedRows.add(p.row);
          remember(byEmail, byPhone, email, phone, earlier);
        } else {
          UUID leadId = (UUID) target;
          updates.computeIfAbsent(leadId, id -> new ArrayList<>()).add(p);
          remember(byEmail, byPhone, email, phone, leadId);
        }
      }
    }

    // A created lead's custom fields are its whole set: required ones must be there.
    for (Iterator<Planned> it = creates.iterator(); it.hasNext(); ) {
      Planned p = it.next();
      List<FieldError> missing = settings.customFields().missingRequired(p.customFields);
      if (!missing.isEmpty()) {
        it.remove();
        failed += 1 + p.mergedRows.size();
        for (PreparedRow r : rowsOf(p)) {
          missing.forEach(
              e -> problems.add(new Problem(r.rowNumber, e.field(), e.message(), false)));
        }
      }
    }

    long tAssign = System.nanoTime();
    assign(actor, creates, inScope);
    long tUpdates = System.nanoTime();
    int updated = applyUpdates(settings, updates, now, problems);
    int updatedRows = updated;
    for (Planned p : creates) {
      updatedRows += p.mergedRows.size();
    }
    failed += updates.values().stream().mapToInt(List::size).sum() - updated;
    long tInsert = System.nanoTime();
    insert(settings, creates, now);
    if (log.isDebugEnabled()) {
      log.debug(
          "Batch of {}: checks {} ms, duplicates {} ms, assignment {} ms, updates {} ms, inserts {} ms",
          rows.size(),
          (tDuplicates - tStart) / 1_000_000,
          (tAssign - tDuplicates) / 1_000_000,
          (tUpdates - tAssign) / 1_000_000,
          (tInsert - tUpdates) / 1_000_000,
          (System.nanoTime() - tInsert) / 1_000_000);
    }
    return new BatchResult(creates.size(), updatedRows, skipped, failed, List.copyOf(problems));
  }

  /**
   * Gives {@code lead} its first statistics once it has rows. Without any, the planner cannot tell
   * an email from a tenant id: it rated the (tenant, phone) index as good as (tenant, email) for an
   * email lookup and took it, scanning the tenant's leads per email (20 s for a batch of 5,000
   * against 25,000 leads). Autovacuum analyzes the table too, but only a while later.
   */
  private void analyzeIfNeverAnalyzed() {
    boolean never =
        jdbc.sql(
                """
                select not exists (
                  select 1 from pg_stats
                   where schemaname = current_schema() and tablename = 'lead'
                     and attname = 'email_normalized')
                """)
            .query(Boolean.class)
            .single();
    if (never) {
      jdbc.sql("analyze lead").update();
    }
  }

  private static List<PreparedRow> rowsOf(Planned p) {
    List<PreparedRow> all = new ArrayList<>();
    all.add(p.row);
    all.addAll(p.mergedRows);
    return all;
  }

  private static void remember(
      Map<String, Object> byEmail,
      Map<String, Object> byPhone,
      String email,
      String phone,
      Object target) {
    if (email != null) {
      byEmail.put(email, target);
    }
    if (phone != null) {
      byPhone.put(phone, target);
    }
  }

  private static String duplicateField(
      List<DuplicateMatch> existing, Object sameEmail, Object samePhone) {
    boolean email =
        sameEmail != null
            || existing.stream()
                .anyMatch(m -> m.matchedOn().contains(DuplicateMatch.MatchedOn.EMAIL));
    if (email) {
      return "email";
    }
    return samePhone != null || !existing.isEmpty() ? "phone" : null;
  }

  private static String skipReason(Set<Object> targets, String field) {
    String what = "email".equals(field) ? "email" : "phone number";
    Object first = targets.iterator().next();
    if (first instanceof Planned earlier) {
      return "Skipped: same " + what + " as row " + earlier.row.rowNumber + " of this file";
    }
    return "Skipped: lead " + first + " already has this " + what;
  }

  /** Which users the actor may hand leads to: a supervisor their team and themselves. */
  private Predicate<UUID> scope(CurrentUser actor) {
    if (actor.isAdmin()) {
      return id -> true;
    }
    Set<UUID> team = new HashSet<>();
    team.add(actor.userId());
    if (actor.teamId() != null) {
      agents.teamMembers(actor.tenantId(), actor.teamId()).forEach(a -> team.add(a.userId()));
    }
    return team::contains;
  }

  private void assign(CurrentUser actor, List<Planned> creates, Predicate<UUID> inScope) {
    int toRoute = (int) creates.stream().filter(p -> p.assigneeId == null).count();
    if (toRoute == 0) {
      return;
    }
    RoutingSession session = router.openBatch(actor.tenantId(), toRoute);
    boolean supervisorOnly = actor.isSupervisor() && !actor.isAdmin();
    for (Planned p : creates) {
      if (p.assigneeId != null) {
        continue;
      }
      LeadDetails d = p.details;
      LeadFacts facts =
          new LeadFacts(
              d.source(),
              d.propertyState(),
              d.loanPurpose() == null ? null : d.loanPurpose().name(),
              d.loanAmount(),
              d.creditBand() == null ? null : d.creditBand().name());
      var routed = supervisorOnly ? session.route(facts, inScope) : session.route(facts);
      if (routed.isPresent()) {
        p.assigneeId = routed.get().userId();
        p.method = AssignmentLog.Method.RULE;
        p.ruleId = routed.get().ruleId();
      } else if (supervisorOnly) {
        p.assigneeId = actor.userId();
        p.method = AssignmentLog.Method.CREATOR;
      }
    }
    session.flush();
  }

  private void insert(Settings settings, List<Planned> creates, Instant now) {
    if (creates.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    UUID tenantId = settings.actor().tenantId();
    UUID actorId = settings.actor().userId();
    String requestId = settings.requestId();
    String importedReason = "Imported from " + settings.fileName();
    String importJson = "{\"importId\":\"" + settings.importId() + "\"";
    BigDecimal top = LeadService.topRank(now);
    CopyRows leadRows = new CopyRows("lead", LEAD_COLUMNS);
    CopyRows historyRows = new CopyRows("lead_history", HISTORY_COLUMNS);
    CopyRows assignmentRows = new CopyRows("lead_assignment", ASSIGNMENT_COLUMNS);
    CopyRows importedRows = new CopyRows("imported_lead", IMPORTED_COLUMNS);
    int entries = 0;
    for (Planned p : creates) {
      entries += 1 + (p.row.doNotContact ? 1 : 0);
    }
    // Ordered ids keep a lead's entries in the order they were made (see LeadHistory).
    Iterator<UUID> historyIds =
        Stream.generate(UuidV7::next).limit(entries).sorted(LeadHistory.POSTGRES_ORDER).iterator();
    for (int k = 0; k < creates.size(); k++) {
      Planned p = creates.get(k);
      boolean dnc = p.row.doNotContact;
      appendLead(leadRows, p, top.add(BigDecimal.valueOf(k)), tenantId, actorId, now);
      // One entry says it all (which import, by whom, to whom it went): an imported lead costs a
      // history row, not one for its creation and one for its assignment.
      historyRow(
              historyRows,
              historyIds.next(),
              tenantId,
              p.leadId,
              LeadHistory.Action.IMPORTED.name(),
              null,
              null,
              p.assigneeId == null
                  ? importJson + "}"
                  : importJson + ",\"assigneeId\":\"" + p.assigneeId + "\"}")
          .value(actorId)
          .value(importedReason(importedReason, p.method))
          .value(requestId)
          .value(now)
          .endRow();
      if (p.assigneeId != null) {
        assignmentRows
            .value(UuidV7.next())
            .value(tenantId)
            .value(p.leadId)
            .nothing()
            .value(p.assigneeId)
            .value(p.method.name())
            .value(p.ruleId)
            .nothing()
            .value(actorId)
            .value(requestId)
            .value(now)
            .endRow();
      }
      if (dnc) {
        historyRow(
                historyRows,
                historyIds.next(),
                tenantId,
                p.leadId,
                "DO_NOT_CONTACT_CHANGED",
                "doNotContact",
                "false",
                "true")
            .value(actorId)
            .value(p.row.doNotContactReason)
            .value(requestId)
            .value(now)
            .endRow();
      }
      imported(importedRows, settings, p.leadId, "CREATED", p.row.rowNumber);
      for (PreparedRow merged : p.mergedRows) {
        imported(importedRows, settings, p.leadId, "UPDATED", merged.rowNumber);
      }
    }
    long t0 = System.nanoTime();
    leadRows.copy(dataSource);
    long t1 = System.nanoTime();
    historyRows.copy(dataSource);
    long t2 = System.nanoTime();
    assignmentRows.copy(dataSource);
    long t3 = System.nanoTime();
    importedRows.copy(dataSource);
    long t4 = System.nanoTime();
    if (log.isDebugEnabled()) {
      log.debug(
          "COPY: build {} ms, lead {} ms, history {} ms, assignment {} ms, imported {} ms",
          (t0 - started) / 1_000_000,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000);
    }
  }

  private void appendLead(
      CopyRows leadRows, Planned p, BigDecimal rank, UUID tenantId, UUID actorId, Instant now) {
    LeadDetails d = p.details;
    ConsentRecord consent = d.consent();
    boolean dnc = p.row.doNotContact;
    leadRows
        .value(p.leadId)
        .value(tenantId)
        .value(d.firstName())
        .value(d.lastName())
        .value(d.email())
        .value(d.emailNormalized())
        .value(d.phone())
        .value(d.phoneE164())
        .value(d.source())
        .value(p.stage.id())
        .value(rank)
        .value(d.loanPurpose() == null ? null : d.loanPurpose().name())
        .value(d.loanAmount())
        .value("USD")
        .value(d.propertyState())
        .value(d.creditBand() == null ? null : d.creditBand().name())
        .value(d.notes())
        .array(d.tags())
        .value(p.customFields.isEmpty() ? "{}" : json.writeValueAsString(p.customFields))
        .value(p.assigneeId)
        .value(p.assigneeId == null ? null : now)
        .value(dnc)
        .value(dnc ? p.row.doNotContactReason : null)
        .value(dnc ? now : null)
        .value(dnc ? actorId : null)
        .value(consent == null ? null : consent.givenAt())
        .value(consent == null ? null : consent.method().name())
        .value(consent == null ? null : consent.text())
        .value(now)
        .value(actorId)
        .value(now)
        .value(actorId)
        .value(0L)
        .endRow();
  }

  /** "Imported from leads.xlsx; assigned by an assignment rule": how it came, and to whom. */
  private static String importedReason(String imported, AssignmentLog.Method method) {
    String how = method == null ? null : LeadService.describe(method);
    return how == null
        ? imported
        : imported + "; " + how.substring(0, 1).toLowerCase(Locale.ROOT) + how.substring(1);
  }

  private static CopyRows historyRow(
      CopyRows rows,
      UUID id,
      UUID tenantId,
      UUID leadId,
      String action,
      String field,
      String oldJson,
      String newJson) {
    return rows.value(id)
        .value(tenantId)
        .value(leadId)
        .value(action)
        .value(field)
        .value(oldJson)
        .value(newJson);
  }

  private static void imported(
      CopyRows rows, Settings settings, UUID leadId, String outcome, int rowNumber) {
    rows.value(settings.importId())
        .value(settings.actor().tenantId())
        .value(leadId)
        .value(outcome)
        .value(rowNumber)
        .endRow();
  }

  /**
   * Writes rows into existing leads: their non-empty values replace the lead's, tags and custom
   * fields are added to. Status, assignee and do-not-contact are left as they are.
   *
   * @return the rows applied
   */
  private int applyUpdates(
      Settings settings, Map<UUID, List<Planned>> updates, Instant now, List<Problem> problems) {
    if (updates.isEmpty()) {
      return 0;
    }
    UUID tenantId = settings.actor().tenantId();
    UUID actorId = settings.actor().userId();
    String reason = "Imported from " + settings.fileName();
    List<LeadHistory.Entry> entries = new ArrayList<>();
    CopyRows importedRows = new CopyRows("imported_lead", IMPORTED_COLUMNS);
    int applied = 0;
    for (Lead lead : leads.findAllById(updates.keySet())) {
      if (!lead.tenantId().equals(tenantId)) {
        continue;
      }
      List<Planned> rows = updates.get(lead.id());
      LeadDetails details = lead.details();
      Map<String, Object> custom = new LinkedHashMap<>(lead.customFields());
      for (Planned p : rows) {
        details = overlay(details, p.details);
        custom.putAll(p.customFields);
      }
      List<FieldError> missing = settings.customFields().missingRequired(custom);
      if (!missing.isEmpty()) {
        for (Planned p : rows) {
          missing.forEach(
              e -> problems.add(new Problem(p.row.rowNumber, e.field(), e.message(), false)));
        }
        continue;
      }
      Map<String, Object> before = lead.auditedFields();
      lead.apply(details, custom);
      List<LeadHistory.Entry> changes =
          LeadHistory.changes(
              tenantId, lead.id(), before, lead.auditedFields(), actorId, reason, now);
      if (!changes.isEmpty()) {
        lead.touch(actorId, now);
        entries.addAll(changes);
      }
      for (Planned p : rows) {
        imported(importedRows, settings, lead.id(), "UPDATED", p.row.rowNumber);
        applied++;
      }
    }
    leads.flush();
    history.record(entries);
    importedRows.copy(dataSource);
    return applied;
  }

  /** The lead's details with the row's non-empty values put in; tags are added. */
  private static LeadDetails overlay(LeadDetails lead, LeadDetails row) {
    List<String> tags = new ArrayList<>(new LinkedHashSet<>(lead.tags()));
    row.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    return new LeadDetails(
        or(row.firstName(), lead.firstName()),
        or(row.lastName(), lead.lastName()),
        row.email() != null ? row.email() : lead.email(),
        row.email() != null ? row.emailNormalized() : lead.emailNormalized(),
        row.phone() != null ? row.phone() : lead.phone(),
        row.phone() != null ? row.phoneE164() : lead.phoneE164(),
        or(row.source(), lead.source()),
        or(row.loanPurpose(), lead.loanPurpose()),
        or(row.loanAmount(), lead.loanAmount()),
        or(row.propertyState(), lead.propertyState()),
        or(row.creditBand(), lead.creditBand()),
        or(row.notes(), lead.notes()),
        tags.size() > LeadDetails.MAX_TAGS ? tags.subList(0, LeadDetails.MAX_TAGS) : tags,
        or(row.consent(), lead.consent()));
  }

  private static <T> T or(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** What undo did. */
  public record UndoResult(int removed, int kept) {}

  /**
   * Removes the leads the import created that nobody has touched since: no history entry other than
   * the import's own. In transactions of {@code batchSize} leads, so that a large import does not
   * hold one huge transaction; running it again finishes what an interrupted run left.
   */
  public UndoResult undo(UUID tenantId, UUID importId, int batchSize) {
    int removed = 0;
    int deleted;
    do {
      deleted = undoBatch(tenantId, importId, batchSize);
      removed += deleted;
    } while (deleted > 0);
    int kept =
        jdbc.sql(
                """
                select count(*) from imported_lead il join lead l on l.id = il.lead_id
                 where il.import_id = :importId and il.tenant_id = :tenantId
                   and il.outcome = 'CREATED' and l.tenant_id = :tenantId
                """)
            .param("importId", importId)
            .param("tenantId", tenantId)
            .query(Integer.class)
            .single();
    return new UndoResult(removed, kept);
  }

  private int undoBatch(UUID tenantId, UUID importId, int batchSize) {
    Integer deleted =
        transactions.execute(
            status ->
                jdbc.sql(
                        """
            with gone as (
              delete from lead where id in (
                select l.id from imported_lead il join lead l on l.id = il.lead_id
                 where il.import_id = :importId and il.tenant_id = :tenantId
                   and il.outcome = 'CREATED' and l.tenant_id = :tenantId
                   and l.deleted_at is null
                   and not exists (
                     select 1 from lead_history h
                      where h.tenant_id = l.tenant_id and h.lead_id = l.id
                        and h.request_id is distinct from :marker)
                 limit :limit)
              returning id),
            history as (
              delete from lead_history h using gone
               where h.tenant_id = :tenantId and h.lead_id = gone.id),
            assignments as (
              delete from lead_assignment a using gone
               where a.tenant_id = :tenantId and a.lead_id = gone.id)
            select count(*) from gone
            """)
                    .param("importId", importId)
                    .param("tenantId", tenantId)
                    .param("marker", requestIdOf(importId))
                    .param("limit", batchSize)
                    .query(Integer.class)
                    .single());
    return deleted == null ? 0 : deleted;
  }
}
