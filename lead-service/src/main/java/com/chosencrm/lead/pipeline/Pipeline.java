package com.chosencrm.lead.pipeline;

import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.security.CurrentUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's pipeline: the ordered stages a lead's status moves through. A tenant gets the default
 * stages the first time anything asks for them; an admin renames, reorders, adds and removes them.
 * The first stage is where new leads start, so it must be an open one.
 */
@Service
public class Pipeline {

  static final int MAX_STAGES = 30;
  static final int MAX_NAME_LENGTH = 50;

  private static final List<Stage> DEFAULTS =
      List.of(
          new Stage(null, "New", StageKind.OPEN, 0),
          new Stage(null, "Contacted", StageKind.OPEN, 1),
          new Stage(null, "Qualified", StageKind.OPEN, 2),
          new Stage(null, "Application", StageKind.OPEN, 3),
          new Stage(null, "Closed won", StageKind.WON, 4),
          new Stage(null, "Closed lost", StageKind.LOST, 5));

  private final PipelineStageRepository stages;
  private final StageMoves moves;
  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  Pipeline(
      PipelineStageRepository stages,
      StageMoves moves,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    this.stages = stages;
    this.moves = moves;
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The tenant's stages in order, creating the defaults on first use. */
  @Transactional(readOnly = true)
  public List<Stage> stages(UUID tenantId) {
    List<PipelineStage> found = stages.findByTenantIdOrderByPositionAsc(tenantId);
    if (found.isEmpty()) {
      // In a transaction of its own: the caller's may be read-only, and two first requests racing
      // each other both succeed (the loser's inserts hit the unique name and do nothing).
      newTransaction.executeWithoutResult(status -> createDefaults(tenantId));
      found = stages.findByTenantIdOrderByPositionAsc(tenantId);
    }
    return found.stream().map(PipelineStage::view).toList();
  }

  private void createDefaults(UUID tenantId) {
    for (Stage stage : DEFAULTS) {
      PipelineStage row = new PipelineStage(tenantId, stage.name(), stage.kind(), stage.position());
      jdbc.sql(
              """
              insert into pipeline_stage (id, tenant_id, name, kind, position, created_at, updated_at)
              values (:id, :tenantId, :name, :kind, :position, now(), now())
              on conflict do nothing
              """)
          .param("id", row.id())
          .param("tenantId", tenantId)
          .param("name", stage.name())
          .param("kind", stage.kind().name())
          .param("position", stage.position())
          .update();
    }
  }

  /** Where new leads start: the first stage. */
  public Stage initialStage(UUID tenantId) {
    return stages(tenantId).getFirst();
  }

  /** The stage a client named (case-insensitive) or gave the id of. */
  public Optional<Stage> find(UUID tenantId, String nameOrId) {
    if (nameOrId == null || nameOrId.isBlank()) {
      return Optional.empty();
    }
    String wanted = nameOrId.strip();
    return stages(tenantId).stream()
        .filter(s -> s.name().equalsIgnoreCase(wanted) || s.id().toString().equals(wanted))
        .findFirst();
  }

  /**
   * @throws InvalidRequestException (400, on {@code field}) naming the tenant's stages
   */
  public Stage resolve(UUID tenantId, String nameOrId, String field) {
    return find(tenantId, nameOrId)
        .orElseThrow(() -> InvalidRequestException.field(field, unknownStatus(tenantId, nameOrId)));
  }

  public String unknownStatus(UUID tenantId, String nameOrId) {
    return "Unknown status '"
        + nameOrId
        + "'; the stages are "
        + stages(tenantId).stream().map(Stage::name).collect(Collectors.joining(", "));
  }

  public Stage require(UUID tenantId, UUID stageId) {
    return stages(tenantId).stream()
        .filter(s -> s.id().equals(stageId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Stage " + stageId + " is not the tenant's"));
  }

  /** A stage as an admin sends it: existing ones carry their id. */
  public record StageDraft(UUID id, String name, StageKind kind) {}

  /**
   * Replaces the tenant's stages with the given list, in that order. Stages left out are removed;
   * leads in them move to the stage named in {@code moveLeadsTo} (keyed by the removed stage's id),
   * and a removed stage that still has leads without a target is refused.
   */
  @Transactional
  public List<Stage> replace(
      CurrentUser admin, List<StageDraft> drafts, Map<UUID, String> moveLeadsTo) {
    UUID tenantId = admin.tenantId();
    // Two admins saving at once would interleave renames; one at a time per tenant.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('pipeline:' || :tenantId, 0))")
        .param("tenantId", tenantId.toString())
        .query()
        .singleValue();
    stages(tenantId);
    Map<UUID, PipelineStage> current = new LinkedHashMap<>();
    stages.findByTenantIdOrderByPositionAsc(tenantId).forEach(s -> current.put(s.id(), s));
    List<StageDraft> cleaned = validate(drafts, current.keySet());

    Set<UUID> kept =
        cleaned.stream().map(StageDraft::id).filter(id -> id != null).collect(Collectors.toSet());
    List<PipelineStage> removed =
        current.values().stream().filter(s -> !kept.contains(s.id())).toList();
    Map<UUID, String> targets = moveLeadsTo == null ? Map.of() : moveLeadsTo;
    Map<UUID, Long> inUse =
        removed.isEmpty()
            ? Map.of()
            : moves.countLeadsIn(tenantId, removed.stream().map(PipelineStage::id).toList());
    List<String> missingTargets = new ArrayList<>();
    for (PipelineStage stage : removed) {
      long count = inUse.getOrDefault(stage.id(), 0L);
      String target = targets.get(stage.id());
      if (count > 0 && (target == null || target.isBlank())) {
        missingTargets.add("'" + stage.name() + "' (" + count + " leads)");
      } else if (target != null && !target.isBlank() && findDraft(cleaned, target).isEmpty()) {
        throw InvalidRequestException.field(
            "moveLeadsTo." + stage.id(),
            "Leads can only move to a stage of the new pipeline; '" + target + "' is not one");
      }
    }
    if (!missingTargets.isEmpty()) {
      throw new BusinessRuleException(
          "These stages still have leads; say in moveLeadsTo which stage they move to: "
              + String.join(", ", missingTargets));
    }

    Map<UUID, Stage> before = new HashMap<>();
    current.values().forEach(s -> before.put(s.id(), s.view()));
    // Names are unique per tenant and a save may swap two of them: park every current name on the
    // stage's id first, so the final names never collide with a not-yet-renamed stage.
    for (PipelineStage stage : current.values()) {
      stage.change(stage.id().toString(), stage.view().kind(), stage.view().position());
    }
    stages.flush();
    Map<String, PipelineStage> byName = new HashMap<>();
    for (int i = 0; i < cleaned.size(); i++) {
      StageDraft draft = cleaned.get(i);
      PipelineStage stage;
      if (draft.id() == null) {
        stage = stages.save(new PipelineStage(tenantId, draft.name(), draft.kind(), i));
      } else {
        stage = current.get(draft.id());
        stage.change(draft.name(), draft.kind(), i);
      }
      byName.put(draft.name().toLowerCase(Locale.ROOT), stage);
    }
    stages.flush();
    for (PipelineStage stage : removed) {
      String target = targets.get(stage.id());
      if (target != null && !target.isBlank()) {
        PipelineStage to = byName.get(target.strip().toLowerCase(Locale.ROOT));
        moves.moveLeads(admin, before.get(stage.id()), to.view());
      }
    }
    stages.deleteAll(removed);
    stages.flush();
    return stages.findByTenantIdOrderByPositionAsc(tenantId).stream()
        .map(PipelineStage::view)
        .toList();
  }

  private static Optional<StageDraft> findDraft(List<StageDraft> drafts, String name) {
    return drafts.stream().filter(d -> d.name().equalsIgnoreCase(name.strip())).findFirst();
  }

  private static List<StageDraft> validate(List<StageDraft> drafts, Set<UUID> existing) {
    List<FieldError> errors = new ArrayList<>();
    if (drafts == null || drafts.isEmpty()) {
      throw InvalidRequestException.field("stages", "A pipeline needs at least one stage");
    }
    if (drafts.size() > MAX_STAGES) {
      throw InvalidRequestException.field(
          "stages", "A pipeline has at most " + MAX_STAGES + " stages");
    }
    List<StageDraft> cleaned = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      StageDraft draft = drafts.get(i);
      String prefix = "stages[" + i + "].";
      String name = draft == null || draft.name() == null ? "" : draft.name().strip();
      if (name.isEmpty()) {
        errors.add(new FieldError(prefix + "name", "A stage needs a name"));
      } else if (name.length() > MAX_NAME_LENGTH) {
        errors.add(
            new FieldError(
                prefix + "name", "A stage name has at most " + MAX_NAME_LENGTH + " characters"));
      } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError(prefix + "name", "Stage '" + name + "' appears twice"));
      }
      if (draft == null || draft.kind() == null) {
        errors.add(new FieldError(prefix + "kind", "Kind must be OPEN, WON or LOST"));
      }
      UUID id = draft == null ? null : draft.id();
      if (id != null && (!existing.contains(id) || !ids.add(id))) {
        errors.add(new FieldError(prefix + "id", "Not a stage of this pipeline"));
      }
      cleaned.add(new StageDraft(id, name, draft == null ? null : draft.kind()));
    }
    if (errors.isEmpty() && cleaned.getFirst().kind() != StageKind.OPEN) {
      errors.add(
          new FieldError(
              "stages[0].kind", "The first stage is where new leads start: make it OPEN"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " fields are not valid",
          errors);
    }
    return cleaned;
  }
}
