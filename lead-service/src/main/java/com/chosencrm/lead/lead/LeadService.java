package com.chosencrm.lead.lead;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.ConflictException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.web.RequestIds;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.assignment.AssignmentLog;
import com.chosencrm.lead.assignment.LeadFacts;
import com.chosencrm.lead.assignment.LeadRouter;
import com.chosencrm.lead.assignment.RoutingSession;
import com.chosencrm.lead.customfield.CustomFieldValidation;
import com.chosencrm.lead.lead.LeadCommands.DuplicatePolicy;
import com.chosencrm.lead.lead.LeadCommands.LeadChanges;
import com.chosencrm.lead.lead.LeadCommands.NewLead;
import com.chosencrm.lead.lead.LeadEvents.LeadAssigned;
import com.chosencrm.lead.lead.LeadEvents.LeadDeleted;
import com.chosencrm.lead.lead.LeadEvents.LeadStatusChanged;
import com.chosencrm.lead.lead.LeadHistory.Action;
import com.chosencrm.lead.lead.LeadHistory.Entry;
import com.chosencrm.lead.pipeline.Pipeline;
import com.chosencrm.lead.pipeline.Stage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, deleting and restoring leads. Every change is written to the lead's history
 * and announced through the outbox in the same transaction.
 *
 * <p>Creation takes a batch ({@link #createAll}) so that imports use the same rules as the form:
 * each row is normalised, validated (custom fields by user-service), checked for duplicates and
 * assigned, and the valid rows are written with batched inserts.
 */
@Service
public class LeadService {

  private final LeadRepository leads;
  private final LeadQueries queries;
  private final LeadHistory history;
  private final LeadEvents events;
  private final DuplicateDetector duplicates;
  private final Pipeline pipeline;
  private final LeadRouter router;
  private final AssignmentLog assignmentLog;
  private final AgentDirectory agents;
  private final CustomFieldValidation customFields;
  private final LeadProperties properties;
  private final Clock clock;

  LeadService(
      LeadRepository leads,
      LeadQueries queries,
      LeadHistory history,
      LeadEvents events,
      DuplicateDetector duplicates,
      Pipeline pipeline,
      LeadRouter router,
      AssignmentLog assignmentLog,
      AgentDirectory agents,
      CustomFieldValidation customFields,
      LeadProperties properties,
      Clock clock) {
    this.leads = leads;
    this.queries = queries;
    this.history = history;
    this.events = events;
    this.duplicates = duplicates;
    this.pipeline = pipeline;
    this.router = router;
    this.assignmentLog = assignmentLog;
    this.agents = agents;
    this.customFields = customFields;
    this.properties = properties;
    this.clock = clock;
  }

  /** The outcome of a batch: ids of the created leads in input order, and the refused rows. */
  public record CreateResult(List<UUID> created, List<Rejection> rejected) {}

  /**
   * A row that was not created: field errors, or (with {@link DuplicatePolicy#REJECT}) the leads it
   * duplicates, which may be earlier rows of the same batch.
   *
   * @param index the row's position in the batch, from 0
   */
  public record Rejection(int index, List<FieldError> errors, List<DuplicateMatch> duplicates) {}

  private record Prepared(
      int index,
      UUID id,
      LeadDetails details,
      Map<String, Object> customFields,
      Stage stage,
      UUID assigneeId,
      boolean doNotContact,
      String doNotContactReason) {}

  private record Assignment(UUID userId, AssignmentLog.Method method, UUID ruleId) {}

  /**
   * Creates the valid leads of a batch in one transaction. Leads without an assignee are assigned
   * by the tenant's rules; an agent's own leads are theirs, and a supervisor's go to the supervisor
   * when no rule matches. An admin's stay unassigned then.
   */
  @Transactional
  public CreateResult createAll(CurrentUser actor, List<NewLead> commands, DuplicatePolicy policy) {
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant();
    List<Rejection> rejected = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    Map<Map<String, Object>, CustomFieldValidation.Outcome> checkedCustomFields = new HashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      NewLead command = commands.get(i);
      List<FieldError> errors = new ArrayList<>();
      LeadDetails details = LeadDetails.from(command, now, errors);
      String dncReason =
          LeadDetails.doNotContactReason(
              command.doNotContact(), command.doNotContactReason(), errors);
      Stage stage =
          command.status() == null || command.status().isBlank()
              ? pipeline.initialStage(tenantId)
              : pipeline.find(tenantId, command.status()).orElse(null);
      if (stage == null) {
        errors.add(new FieldError("status", pipeline.unknownStatus(tenantId, command.status())));
      }
      UUID assigneeId = explicitAssignee(actor, command.assigneeId(), errors);
      Map<String, Object> custom = Map.of();
      if (errors.isEmpty()) {
        // An import repeats the same values (often none) on many rows: ask user-service once each.
        CustomFieldValidation.Outcome outcome =
            checkedCustomFields.computeIfAbsent(
                command.customFields() == null ? Map.of() : command.customFields(),
                customFields::check);
        if (outcome.isValid()) {
          custom = outcome.values();
        } else {
          errors.addAll(outcome.errors());
        }
      }
      if (errors.isEmpty()) {
        prepared.add(
            new Prepared(
                i,
                UuidV7.next(),
                details,
                custom,
                stage,
                assigneeId,
                command.doNotContact(),
                dncReason));
      } else {
        rejected.add(new Rejection(i, List.copyOf(errors), List.of()));
      }
    }
    List<Prepared> accepted =
        policy == DuplicatePolicy.REJECT
            ? withoutDuplicates(tenantId, prepared, rejected)
            : prepared;

    List<Assignment> assignments = assign(actor, accepted);
    BigDecimal top = topRank(now);
    List<Entry> entries = new ArrayList<>();
    List<AssignmentLog.Entry> log = new ArrayList<>();
    for (int k = 0; k < accepted.size(); k++) {
      Prepared p = accepted.get(k);
      Lead lead =
          new Lead(
              p.id(),
              tenantId,
              p.details(),
              p.customFields(),
              p.stage().id(),
              top.add(BigDecimal.valueOf(k)),
              actor.userId(),
              now);
      entries.add(
          new Entry(tenantId, p.id(), Action.CREATED, null, null, null, actor.userId(), null, now));
      Assignment assignment = assignments.get(k);
      if (assignment != null) {
        lead.assignTo(assignment.userId(), now);
        entries.add(
            new Entry(
                tenantId,
                p.id(),
                Action.ASSIGNED,
                "assigneeId",
                null,
                assignment.userId(),
                actor.userId(),
                describe(assignment.method()),
                now));
        log.add(
            new AssignmentLog.Entry(
                tenantId,
                p.id(),
                null,
                assignment.userId(),
                assignment.method(),
                assignment.ruleId(),
                null,
                actor.userId(),
                RequestIds.current(),
                now));
      }
      if (p.doNotContact()) {
        lead.markDoNotContact(true, p.doNotContactReason(), actor.userId(), now);
        entries.add(
            new Entry(
                tenantId,
                p.id(),
                Action.DO_NOT_CONTACT_CHANGED,
                "doNotContact",
                false,
                true,
                actor.userId(),
                p.doNotContactReason(),
                now));
      }
      leads.save(lead);
    }
    leads.flush();
    history.record(entries);
    assignmentLog.record(log);
    List<UUID> ids = accepted.stream().map(Prepared::id).toList();
    Map<UUID, LeadView> views = queries.views(tenantId, ids);
    for (int k = 0; k < accepted.size(); k++) {
      LeadView view = views.get(ids.get(k));
      events.created(tenantId, view, actor.userId());
      Assignment assignment = assignments.get(k);
      if (assignment != null) {
        events.assigned(
            tenantId,
            new LeadAssigned(
                view.id(),
                null,
                assignment.userId(),
                assignment.method().name(),
                assignment.ruleId(),
                null,
                actor.userId()));
      }
    }
    rejected.sort(Comparator.comparingInt(Rejection::index));
    return new CreateResult(ids, List.copyOf(rejected));
  }

  /** One lead: 400 with field errors, or 409 naming the duplicates. */
  @Transactional
  public LeadView create(CurrentUser actor, NewLead command, DuplicatePolicy policy) {
    CreateResult result = createAll(actor, List.of(command), policy);
    if (!result.rejected().isEmpty()) {
      Rejection rejection = result.rejected().getFirst();
      if (!rejection.errors().isEmpty()) {
        throw invalid(rejection.errors());
      }
      throw new DuplicateLeadException(rejection.duplicates());
    }
    return queries.view(actor.tenantId(), result.created().getFirst());
  }

  /**
   * Duplicates of existing leads, and of earlier rows of the same batch, are rejected; the rest go
   * on.
   */
  private List<Prepared> withoutDuplicates(
      UUID tenantId, List<Prepared> prepared, List<Rejection> rejected) {
    if (prepared.isEmpty()) {
      return prepared;
    }
    List<List<DuplicateMatch>> existing =
        duplicates.find(
            tenantId,
            prepared.stream()
                .map(
                    p ->
                        new DuplicateDetector.Candidate(
                            p.details().emailNormalized(), p.details().phoneE164()))
                .toList(),
            List.of());
    Map<String, UUID> emailsInBatch = new HashMap<>();
    Map<String, UUID> phonesInBatch = new HashMap<>();
    List<Prepared> accepted = new ArrayList<>();
    for (int k = 0; k < prepared.size(); k++) {
      Prepared p = prepared.get(k);
      List<DuplicateMatch> matches = new ArrayList<>(existing.get(k));
      UUID sameEmail = emailsInBatch.get(p.details().emailNormalized());
      UUID samePhone = phonesInBatch.get(p.details().phoneE164());
      if (sameEmail != null || samePhone != null) {
        if (sameEmail != null && sameEmail.equals(samePhone)) {
          matches.add(
              new DuplicateMatch(
                  sameEmail,
                  Set.of(DuplicateMatch.MatchedOn.EMAIL, DuplicateMatch.MatchedOn.PHONE)));
        } else {
          if (sameEmail != null) {
            matches.add(new DuplicateMatch(sameEmail, Set.of(DuplicateMatch.MatchedOn.EMAIL)));
          }
          if (samePhone != null) {
            matches.add(new DuplicateMatch(samePhone, Set.of(DuplicateMatch.MatchedOn.PHONE)));
          }
        }
      }
      if (!matches.isEmpty()) {
        rejected.add(new Rejection(p.index(), List.of(), List.copyOf(matches)));
        continue;
      }
      if (p.details().emailNormalized() != null) {
        emailsInBatch.put(p.details().emailNormalized(), p.id());
      }
      if (p.details().phoneE164() != null) {
        phonesInBatch.put(p.details().phoneE164(), p.id());
      }
      accepted.add(p);
    }
    return accepted;
  }

  /**
   * Who may be named as the assignee of a new lead: an agent only themselves, a supervisor
   * themselves or a member of their team, an admin any active user of the tenant.
   */
  private UUID explicitAssignee(CurrentUser actor, UUID requested, List<FieldError> errors) {
    if (requested == null) {
      return null;
    }
    if (requested.equals(actor.userId())) {
      return requested;
    }
    if (!actor.isAdmin() && !actor.isSupervisor()) {
      throw new AccessDeniedException("Agents create leads for themselves");
    }
    AgentView target = agents.find(actor.tenantId(), requested).orElse(null);
    if (target == null || !target.isActive()) {
      errors.add(new FieldError("assigneeId", "Not an active user of this tenant"));
      return null;
    }
    if (!actor.isAdmin() && !target.isInTeam(actor.teamId())) {
      throw new AccessDeniedException("Supervisors assign leads within their own team");
    }
    return requested;
  }

  private List<Assignment> assign(CurrentUser actor, List<Prepared> accepted) {
    boolean agentOnly = !actor.isAdmin() && !actor.isSupervisor();
    int toRoute =
        agentOnly ? 0 : (int) accepted.stream().filter(p -> p.assigneeId() == null).count();
    RoutingSession session = toRoute > 0 ? router.open(actor.tenantId(), toRoute) : null;
    List<Assignment> assignments = new ArrayList<>();
    for (Prepared p : accepted) {
      if (p.assigneeId() != null) {
        assignments.add(new Assignment(p.assigneeId(), AssignmentLog.Method.MANUAL, null));
      } else if (agentOnly) {
        assignments.add(new Assignment(actor.userId(), AssignmentLog.Method.CREATOR, null));
      } else {
        LeadDetails d = p.details();
        var routed =
            session.route(
                new LeadFacts(
                    d.source(),
                    d.propertyState(),
                    d.loanPurpose() == null ? null : d.loanPurpose().name(),
                    d.loanAmount(),
                    d.creditBand() == null ? null : d.creditBand().name()));
        if (routed.isPresent()) {
          assignments.add(
              new Assignment(
                  routed.get().userId(), AssignmentLog.Method.RULE, routed.get().ruleId()));
        } else if (actor.isSupervisor() && !actor.isAdmin()) {
          // Supervisors see their own and their team's leads: an unrouted lead stays theirs.
          assignments.add(new Assignment(actor.userId(), AssignmentLog.Method.CREATOR, null));
        } else {
          assignments.add(null);
        }
      }
    }
    return assignments;
  }

  static String describe(AssignmentLog.Method method) {
    return switch (method) {
      case MANUAL -> null;
      case RULE -> "Assigned by an assignment rule";
      case TEAM_ROUND_ROBIN -> "Round robin over the team";
      case CREATOR -> "Assigned to the user who created it";
    };
  }

  /** Contact details to check before creating a lead (the form, an import preview). */
  public record ContactDetails(String email, String phone) {}

  /**
   * The live leads of the tenant that share each candidate's email or phone number, in the
   * candidates' order; unreadable values simply match nothing.
   */
  @Transactional(readOnly = true)
  public List<List<DuplicateMatch>> findDuplicates(UUID tenantId, List<ContactDetails> candidates) {
    return duplicates.find(
        tenantId,
        candidates.stream()
            .map(
                c ->
                    new DuplicateDetector.Candidate(
                        c.email() == null || c.email().isBlank()
                            ? null
                            : c.email().strip().toLowerCase(java.util.Locale.ROOT),
                        PhoneNumbers.toE164(c.phone()).orElse(null)))
            .toList(),
        List.of());
  }

  /**
   * Replaces the lead's editable fields. The client sends the version it read; if the lead changed
   * since, the answer is 409 and nothing is written.
   */
  @Transactional
  public LeadView update(CurrentUser actor, UUID id, LeadChanges changes, DuplicatePolicy policy) {
    UUID tenantId = actor.tenantId();
    Lead lead = loadVisible(actor, id);
    if (changes.version() != lead.version()) {
      throw new ConflictException(
          "The lead was changed by someone else since you loaded it (now version "
              + lead.version()
              + "); reload it and try again");
    }
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    LeadDetails details = LeadDetails.from(changes, now, errors);
    Stage stage = null;
    if (changes.status() != null && !changes.status().isBlank()) {
      stage = pipeline.find(tenantId, changes.status()).orElse(null);
      if (stage == null) {
        errors.add(new FieldError("status", pipeline.unknownStatus(tenantId, changes.status())));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    Map<String, Object> custom =
        customFields.validate(changes.customFields() == null ? Map.of() : changes.customFields());
    boolean emailChanged =
        details.emailNormalized() != null
            && !details.emailNormalized().equals(lead.emailNormalized());
    boolean phoneChanged =
        details.phoneE164() != null && !details.phoneE164().equals(lead.phoneE164());
    if (policy == DuplicatePolicy.REJECT && (emailChanged || phoneChanged)) {
      List<DuplicateMatch> matches =
          duplicates
              .find(
                  tenantId,
                  List.of(
                      new DuplicateDetector.Candidate(
                          emailChanged ? details.emailNormalized() : null,
                          phoneChanged ? details.phoneE164() : null)),
                  List.of(id))
              .getFirst();
      if (!matches.isEmpty()) {
        throw new DuplicateLeadException(matches);
      }
    }
    Map<String, Object> before = lead.auditedFields();
    lead.apply(details, custom);
    List<Entry> entries =
        new ArrayList<>(
            LeadHistory.changes(
                tenantId, id, before, lead.auditedFields(), actor.userId(), null, now));
    List<String> changedFields = entries.stream().map(Entry::field).toList();
    LeadStatusChanged statusChange = null;
    if (stage != null && !stage.id().equals(lead.stageId())) {
      statusChange = moveToStage(actor, lead, stage, topRank(now), now, entries);
    }
    if (entries.isEmpty()) {
      return queries.view(tenantId, id);
    }
    lead.touch(actor.userId(), now);
    leads.flush();
    history.record(entries);
    LeadView view = queries.view(tenantId, id);
    if (!changedFields.isEmpty()) {
      events.updated(tenantId, view, changedFields, actor.userId());
    }
    if (statusChange != null) {
      events.statusChanged(tenantId, statusChange);
    }
    return view;
  }

  /**
   * Moves the lead to a stage, at a position of the stage's Kanban column as the caller sees it
   * (from 0; null: the top).
   */
  @Transactional
  public LeadView changeStatus(CurrentUser actor, UUID id, String status, Integer position) {
    UUID tenantId = actor.tenantId();
    Lead lead = loadVisible(actor, id);
    Stage to = pipeline.resolve(tenantId, status, "status");
    Instant now = clock.instant();
    BigDecimal rank =
        position == null ? topRank(now) : queries.rankAt(actor, to.id(), id, position);
    List<Entry> entries = new ArrayList<>();
    LeadStatusChanged change = null;
    if (!to.id().equals(lead.stageId())) {
      change = moveToStage(actor, lead, to, rank, now, entries);
      lead.touch(actor.userId(), now);
    } else {
      lead.moveToStage(to.id(), rank);
    }
    leads.flush();
    history.record(entries);
    if (change != null) {
      events.statusChanged(tenantId, change);
    }
    return queries.view(tenantId, id);
  }

  private LeadStatusChanged moveToStage(
      CurrentUser actor, Lead lead, Stage to, BigDecimal rank, Instant now, List<Entry> entries) {
    Stage from = pipeline.require(actor.tenantId(), lead.stageId());
    lead.moveToStage(to.id(), rank);
    entries.add(
        new Entry(
            actor.tenantId(),
            lead.id(),
            Action.STATUS_CHANGED,
            "status",
            from.name(),
            to.name(),
            actor.userId(),
            null,
            now));
    return LeadStatusChanged.between(lead.id(), from, to, lead.assigneeId(), actor.userId());
  }

  /**
   * Sets or clears do-not-contact. Anyone who sees the lead may set it (the agent on the phone is
   * the one who hears "stop calling me", and honouring that cannot wait); only supervisors and
   * admins may clear it.
   */
  @Transactional
  public LeadView setDoNotContact(CurrentUser actor, UUID id, boolean doNotContact, String reason) {
    UUID tenantId = actor.tenantId();
    Lead lead = loadVisible(actor, id);
    if (!doNotContact && lead.isDoNotContact() && !actor.isAdmin() && !actor.isSupervisor()) {
      throw new AccessDeniedException("Only supervisors and admins may clear do-not-contact");
    }
    List<FieldError> errors = new ArrayList<>();
    String cleanReason = LeadDetails.doNotContactReason(doNotContact, reason, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    if (lead.isDoNotContact() == doNotContact
        && Objects.equals(lead.doNotContactReason(), cleanReason)) {
      return queries.view(tenantId, id);
    }
    Instant now = clock.instant();
    boolean before = lead.isDoNotContact();
    lead.markDoNotContact(doNotContact, cleanReason, actor.userId(), now);
    lead.touch(actor.userId(), now);
    leads.flush();
    history.record(
        List.of(
            new Entry(
                tenantId,
                id,
                Action.DO_NOT_CONTACT_CHANGED,
                "doNotContact",
                before,
                doNotContact,
                actor.userId(),
                cleanReason,
                now)));
    LeadView view = queries.view(tenantId, id);
    events.updated(tenantId, view, List.of("doNotContact", "doNotContactReason"), actor.userId());
    return view;
  }

  /** Soft deletion: an admin can restore the lead for {@code deleted-retention} (30 days). */
  @Transactional
  public void delete(CurrentUser actor, UUID id) {
    UUID tenantId = actor.tenantId();
    Lead lead = loadVisible(actor, id);
    Instant now = clock.instant();
    lead.delete(actor.userId(), now, null);
    lead.touch(actor.userId(), now);
    leads.flush();
    history.record(
        List.of(
            new Entry(tenantId, id, Action.DELETED, null, null, null, actor.userId(), null, now)));
    events.deleted(tenantId, new LeadDeleted(id, lead.assigneeId(), null, actor.userId()));
  }

  @Transactional
  public LeadView restore(CurrentUser admin, UUID id) {
    UUID tenantId = admin.tenantId();
    Instant now = clock.instant();
    Lead lead =
        leads
            .findByIdAndTenantId(id, tenantId)
            .filter(Lead::isDeleted)
            .filter(l -> l.deletedAt().isAfter(now.minus(properties.deletedRetention())))
            .orElseThrow(() -> new NotFoundException("Deleted lead", id));
    if (lead.mergedIntoId() != null) {
      throw new BusinessRuleException(
          "This lead was merged into lead "
              + lead.mergedIntoId()
              + "; its history lives on there and it cannot be restored");
    }
    lead.restore();
    lead.touch(admin.userId(), now);
    leads.flush();
    history.record(
        List.of(
            new Entry(tenantId, id, Action.RESTORED, null, null, null, admin.userId(), null, now)));
    LeadView view = queries.view(tenantId, id);
    events.restored(tenantId, view, admin.userId());
    return view;
  }

  /** A live lead the caller may see, loaded for writing; 404 otherwise. */
  Lead loadVisible(CurrentUser actor, UUID id) {
    if (queries.visibleIds(actor, List.of(id), false).isEmpty()) {
      throw new NotFoundException("Lead", id);
    }
    return leads
        .findByIdAndTenantId(id, actor.tenantId())
        .orElseThrow(() -> new NotFoundException("Lead", id));
  }

  /**
   * The top of a Kanban column: ranks sort ascending, and a newer move gets a smaller rank, so the
   * latest arrival shows first.
   */
  static BigDecimal topRank(Instant now) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    return BigDecimal.valueOf(-micros);
  }

  static InvalidRequestException invalid(List<FieldError> errors) {
    List<FieldError> sorted = new ArrayList<>(new LinkedHashSet<>(errors));
    return new InvalidRequestException(
        sorted.size() == 1
            ? sorted.getFirst().field() + ": " + sorted.getFirst().message()
            : sorted.size() + " fields are not valid",
        sorted);
  }
}
