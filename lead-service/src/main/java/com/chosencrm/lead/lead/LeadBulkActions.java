package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.BusinessRuleException;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.lead.LeadEvents.LeadDeleted;
import com.chosencrm.lead.lead.LeadEvents.LeadStatusChanged;
import com.chosencrm.lead.lead.LeadHistory.Action;
import com.chosencrm.lead.lead.LeadHistory.Entry;
import com.chosencrm.lead.pipeline.Pipeline;
import com.chosencrm.lead.pipeline.Stage;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One action on many leads, chosen by id or by a filter, in one transaction: all of them change or
 * none. Only leads the caller can see are selected, and at most {@code bulk-limit} (10,000) of
 * them; a larger selection is refused rather than cut short.
 */
@Service
public class LeadBulkActions {

  public enum Kind {
    ASSIGN,
    CHANGE_STATUS,
    ADD_TAGS,
    REMOVE_TAGS,
    DELETE
  }

  /**
   * @param ids the selection by id; or
   * @param filter the selection by filter
   * @param assigneeId for ASSIGN to a user; or
   * @param teamId for ASSIGN round robin over a team
   * @param status for CHANGE_STATUS: a stage name or id
   * @param tags for ADD_TAGS and REMOVE_TAGS
   */
  public record BulkAction(
      Kind action,
      List<UUID> ids,
      LeadFilter filter,
      UUID assigneeId,
      UUID teamId,
      String status,
      List<String> tags,
      String reason) {}

  /**
   * @param matched leads selected (visible, live)
   * @param changed leads the action changed (a tag already there is no change)
   */
  public record BulkResult(Kind action, int matched, int changed) {}

  private final JdbcClient jdbc;
  private final LeadQueries queries;
  private final LeadHistory history;
  private final LeadEvents events;
  private final LeadAssignments assignments;
  private final Pipeline pipeline;
  private final LeadProperties properties;
  private final Clock clock;

  LeadBulkActions(
      JdbcClient jdbc,
      LeadQueries queries,
      LeadHistory history,
      LeadEvents events,
      LeadAssignments assignments,
      Pipeline pipeline,
      LeadProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.history = history;
    this.events = events;
    this.assignments = assignments;
    this.pipeline = pipeline;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public BulkResult apply(CurrentUser actor, BulkAction action) {
    if (action.action() == null) {
      throw InvalidRequestException.field(
          "action", "Action must be ASSIGN, CHANGE_STATUS, ADD_TAGS, REMOVE_TAGS or DELETE");
    }
    boolean byIds = action.ids() != null;
    if (byIds == (action.filter() != null)) {
      throw InvalidRequestException.field("ids", "Select leads either by ids or by a filter");
    }
    if (!byIds && action.filter().isDeleted()) {
      throw InvalidRequestException.field("filter.deleted", "Bulk actions work on live leads");
    }
    int limit = properties.bulkLimit();
    if (byIds && action.ids().size() > limit) {
      throw tooMany(limit);
    }
    // Resolve the action's own arguments before selecting, so a bad one fails fast.
    Stage stage =
        action.action() == Kind.CHANGE_STATUS
            ? pipeline.resolve(actor.tenantId(), action.status(), "status")
            : null;
    List<String> tags = List.of();
    if (action.action() == Kind.ADD_TAGS || action.action() == Kind.REMOVE_TAGS) {
      List<FieldError> errors = new ArrayList<>();
      tags = LeadDetails.tags(action.tags(), errors);
      if (tags.isEmpty() && errors.isEmpty()) {
        errors.add(new FieldError("tags", "Name at least one tag"));
      }
      if (!errors.isEmpty()) {
        throw LeadService.invalid(errors);
      }
    }
    List<UUID> selected =
        byIds
            ? queries.visibleIds(actor, new LinkedHashSet<>(action.ids()), false)
            : queries.select(actor, action.filter(), limit + 1);
    if (selected.size() > limit) {
      throw tooMany(limit);
    }
    int changed =
        switch (action.action()) {
          case ASSIGN ->
              assignments.assignAll(
                  actor,
                  selected,
                  new LeadAssignments.Target(action.assigneeId(), action.teamId()),
                  action.reason());
          case CHANGE_STATUS -> changeStatus(actor, selected, stage);
          case ADD_TAGS -> addTags(actor, selected, tags);
          case REMOVE_TAGS -> removeTags(actor, selected, tags);
          case DELETE -> delete(actor, selected);
        };
    return new BulkResult(action.action(), selected.size(), changed);
  }

  private int changeStatus(CurrentUser actor, List<UUID> ids, Stage to) {
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant();
    List<Object[]> changed =
        jdbc.sql(
                """
                with old as (
                    select id, stage_id from lead
                     where tenant_id = :tenantId and id = any(:ids) and stage_id <> :to
                     for update)
                update lead l
                   set stage_id = :to, board_rank = :rank, updated_at = :now, updated_by = :actor,
                       version = l.version + 1
                  from old
                 where l.id = old.id
                returning l.id, old.stage_id, l.assignee_id
                """)
            .param("tenantId", tenantId)
            .param("ids", ids.toArray(UUID[]::new))
            .param("to", to.id())
            .param("rank", LeadService.topRank(now))
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("actor", actor.userId())
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      rs.getObject(2, UUID.class),
                      rs.getObject(3, UUID.class)
                    })
            .list();
    Map<UUID, Stage> stages = new java.util.HashMap<>();
    pipeline.stages(tenantId).forEach(s -> stages.put(s.id(), s));
    List<Entry> entries = new ArrayList<>();
    for (Object[] row : changed) {
      Stage from = stages.get((UUID) row[1]);
      entries.add(
          new Entry(
              tenantId,
              (UUID) row[0],
              Action.STATUS_CHANGED,
              "status",
              from.name(),
              to.name(),
              actor.userId(),
              null,
              now));
    }
    history.record(entries);
    for (Object[] row : changed) {
      Stage from = stages.get((UUID) row[1]);
      events.statusChanged(
          tenantId,
          LeadStatusChanged.between((UUID) row[0], from, to, (UUID) row[2], actor.userId()));
    }
    return changed.size();
  }

  private int addTags(CurrentUser actor, List<UUID> ids, List<String> tags) {
    long tooMany =
        jdbc.sql(
                """
                select count(*) from lead
                 where tenant_id = :tenantId and id = any(:ids)
                   and cardinality(array(select distinct t from unnest(tags || cast(:tags as text[])) t)) > :max
                """)
            .param("tenantId", actor.tenantId())
            .param("ids", ids.toArray(UUID[]::new))
            .param("tags", tags.toArray(String[]::new))
            .param("max", LeadDetails.MAX_TAGS)
            .query(Long.class)
            .single();
    if (tooMany > 0) {
      throw new BusinessRuleException(
          tooMany + " of the leads would have more than " + LeadDetails.MAX_TAGS + " tags");
    }
    return changeTags(
        actor,
        ids,
        tags,
        "not (tags @> cast(:tags as text[]))",
        "old.tags || array(select t from unnest(cast(:tags as text[])) t where t <> all(old.tags))");
  }

  private int removeTags(CurrentUser actor, List<UUID> ids, List<String> tags) {
    return changeTags(
        actor,
        ids,
        tags,
        "tags && cast(:tags as text[])",
        """
        array(select t from unnest(old.tags) with ordinality as u(t, n)
               where t <> all(cast(:tags as text[])) order by n)
        """);
  }

  private int changeTags(
      CurrentUser actor, List<UUID> ids, List<String> tags, String needed, String newTags) {
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant();
    List<TagChange> changed =
        jdbc.sql(
                """
                with old as (
                    select id, tags from lead
                     where tenant_id = :tenantId and id = any(:ids) and %s
                     for update)
                update lead l
                   set tags = %s, updated_at = :now, updated_by = :actor,
                       version = l.version + 1
                  from old
                 where l.id = old.id
                returning l.id, old.tags as old_tags, l.tags as new_tags
                """
                    .formatted(needed, newTags))
            .param("tenantId", tenantId)
            .param("ids", ids.toArray(UUID[]::new))
            .param("tags", tags.toArray(String[]::new))
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("actor", actor.userId())
            .query(
                (rs, n) ->
                    new TagChange(
                        rs.getObject("id", UUID.class),
                        strings(rs.getArray("old_tags")),
                        strings(rs.getArray("new_tags"))))
            .list();
    history.record(
        changed.stream()
            .map(
                c ->
                    new Entry(
                        tenantId,
                        c.leadId(),
                        Action.UPDATED,
                        "tags",
                        c.oldTags(),
                        c.newTags(),
                        actor.userId(),
                        null,
                        now))
            .toList());
    Map<UUID, LeadView> views =
        queries.views(tenantId, changed.stream().map(TagChange::leadId).toList());
    views.values().forEach(v -> events.updated(tenantId, v, List.of("tags"), actor.userId()));
    return changed.size();
  }

  private int delete(CurrentUser actor, List<UUID> ids) {
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant();
    List<UUID[]> deleted =
        jdbc.sql(
                """
                update lead
                   set deleted_at = :now, deleted_by = :actor, updated_at = :now,
                       updated_by = :actor, version = version + 1
                 where tenant_id = :tenantId and id = any(:ids) and deleted_at is null
                returning id, assignee_id
                """)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("actor", actor.userId())
            .param("tenantId", tenantId)
            .param("ids", ids.toArray(UUID[]::new))
            .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
            .list();
    history.record(
        deleted.stream()
            .map(
                d ->
                    new Entry(
                        tenantId,
                        d[0],
                        Action.DELETED,
                        null,
                        null,
                        null,
                        actor.userId(),
                        null,
                        now))
            .toList());
    deleted.forEach(
        d -> events.deleted(tenantId, new LeadDeleted(d[0], d[1], null, actor.userId())));
    return deleted.size();
  }

  private static BusinessRuleException tooMany(int limit) {
    return new BusinessRuleException(
        "A bulk action changes at most " + limit + " leads; narrow the selection");
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private record TagChange(UUID leadId, List<String> oldTags, List<String> newTags) {}
}
