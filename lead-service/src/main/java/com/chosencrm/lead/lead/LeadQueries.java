package com.chosencrm.lead.lead;

import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.lead.LeadView.ConsentView;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import com.chosencrm.lead.loan.UsStates;
import com.chosencrm.lead.pipeline.Pipeline;
import com.chosencrm.lead.pipeline.Stage;
import com.chosencrm.lead.pipeline.StageKind;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every read of leads, in SQL, with the tenant and the caller's {@link Visibility} in the WHERE
 * clause: a lead the caller may not see is never loaded, so it answers 404 like a missing one.
 */
@Component
class LeadQueries {

  static final int SEARCH_MAX = 50;
  private static final String SELECT = select("lead");

  /**
   * The lead columns, stage and assignee for leads read from {@code source} (a table or a
   * parenthesised subquery), aliased {@code l}.
   */
  private static String select(String source) {
    return """
      select l.id, l.first_name, l.last_name, l.email, l.phone, l.phone_e164, l.source,
             l.stage_id, l.board_rank, l.sort_name, l.loan_purpose, l.loan_amount,
             l.loan_currency, l.property_state, l.credit_band, l.notes, l.tags,
             l.custom_fields::text as custom_fields, l.assignee_id, l.assigned_at,
             l.do_not_contact, l.do_not_contact_reason, l.do_not_contact_at, l.do_not_contact_by,
             l.consent_given_at, l.consent_method, l.consent_text, l.merged_into_id,
             l.created_at, l.created_by, l.updated_at, l.updated_by, l.deleted_at, l.version,
             s.name as stage_name, s.kind as stage_kind,
             a.first_name as assignee_first_name, a.last_name as assignee_last_name,
             a.active as assignee_active, a.deleted as assignee_deleted
        from %s l
        join pipeline_stage s on s.id = l.stage_id
        left join agent a on a.user_id = l.assignee_id and a.tenant_id = l.tenant_id
      """
        .formatted(source);
  }

  /**
   * Live leads with one phone number, found by the number alone (the subquery takes no other
   * condition in): only the phone index can answer, whatever the statistics say about the tenant
   * (migration V5). Tenant and visibility are checked on the few rows found.
   */
  private static final String SELECT_BY_PHONE =
      select("(select * from lead where phone_e164 = :e164 and deleted_at is null offset 0)");

  private static final JsonMapper JSON = JsonMapper.shared();

  private final JdbcClient jdbc;
  private final Pipeline pipeline;

  LeadQueries(JdbcClient jdbc, Pipeline pipeline) {
    this.jdbc = jdbc;
    this.pipeline = pipeline;
  }

  /** A row with the raw sort keys next to the view. */
  record Row(LeadView view, String sortName, BigDecimal boardRank, BigDecimal score) {}

  /** The lead if the caller may see it; deleted leads only for admins who ask for them. */
  @Transactional(readOnly = true)
  public Optional<LeadView> find(CurrentUser user, UUID id, boolean includeDeleted) {
    Where where = Where.visibleTo(user);
    where.and("l.id = :id", Map.of("id", id));
    if (!(includeDeleted && user.isAdmin())) {
      where.and("l.deleted_at is null", Map.of());
    }
    return jdbc.sql(SELECT + where.sql())
        .params(where.params())
        .query(LeadQueries::row)
        .optional()
        .map(Row::view);
  }

  LeadView get(CurrentUser user, UUID id) {
    return find(user, id, true).orElseThrow(() -> new NotFoundException("Lead", id));
  }

  /** Without visibility: for answering the caller about what they just did. */
  @Transactional(readOnly = true)
  public LeadView view(UUID tenantId, UUID id) {
    return views(tenantId, List.of(id)).get(id);
  }

  @Transactional(readOnly = true)
  public Map<UUID, LeadView> views(UUID tenantId, Collection<UUID> ids) {
    Map<UUID, LeadView> views = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return views;
    }
    jdbc.sql(SELECT + " where l.tenant_id = :tenantId and l.id = any(:ids) order by l.id")
        .param("tenantId", tenantId)
        .param("ids", ids.toArray(UUID[]::new))
        .query(LeadQueries::row)
        .list()
        .forEach(r -> views.put(r.view().id(), r.view()));
    return views;
  }

  /** The given leads the caller may see (live ones, or deleted ones when asked). */
  @Transactional(readOnly = true)
  public List<UUID> visibleIds(CurrentUser user, Collection<UUID> ids, boolean deleted) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Where where = Where.visibleTo(user);
    where.and("l.id = any(:ids)", Map.of("ids", ids.toArray(UUID[]::new)));
    where.and(deleted ? "l.deleted_at is not null" : "l.deleted_at is null", Map.of());
    return jdbc.sql("select l.id from lead l " + where.sql() + " order by l.id")
        .params(where.params())
        .query(UUID.class)
        .list();
  }

  /** Ids of the leads a filter selects for the caller, at most {@code max} of them. */
  @Transactional(readOnly = true)
  public List<UUID> select(CurrentUser user, LeadFilter filter, int max) {
    Where where = Where.visibleTo(user);
    applyFilter(user, filter, where);
    return jdbc.sql(
            "select l.id from lead l left join agent a"
                + " on a.user_id = l.assignee_id and a.tenant_id = l.tenant_id "
                + where.sql()
                + " order by l.id limit :max")
        .params(where.params())
        .param("max", max)
        .query(UUID.class)
        .list();
  }

  // One statement: no transaction, so no COMMIT round trip (a page is one consistent snapshot).
  public CursorPage<LeadView> list(
      CurrentUser user,
      LeadFilter filter,
      String sortParameter,
      String direction,
      String cursor,
      int limit) {
    LeadSort sort = LeadSort.parse(sortParameter);
    boolean descending = LeadSort.descending(direction, sort);
    String order = descending ? "desc" : "asc";
    String tag = sort.parameter() + ":" + order;
    Where where = Where.visibleTo(user);
    applyFilter(user, filter, where);
    if (cursor != null && !cursor.isBlank()) {
      Cursor position = Cursor.decode(cursor, 3);
      if (!tag.equals(position.value(0))) {
        throw InvalidRequestException.field(
            "cursor", "The cursor belongs to another sort order; start from page one");
      }
      where.and(
          "(" + sort.expression() + ", l.id) " + (descending ? "<" : ">") + " (:after, :afterId)",
          Map.of("after", cursorValue(sort, position.value(1)), "afterId", position.uuid(2)));
    }
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + where.sql()
                    + " order by "
                    + sort.expression()
                    + " "
                    + order
                    + ", l.id "
                    + order
                    + " limit :limit")
            .params(where.params())
            .param("limit", limit + 1)
            .query(LeadQueries::row)
            .list();
    return CursorPage.fromRows(
        rows, limit, row -> Cursor.of(tag, sortValue(sort, row), row.view().id()), Row::view);
  }

  /**
   * Leads matching a search term, within the caller's visibility and the given filters: first every
   * lead whose name, email or phone digits contain the term (newest first), then, for words, leads
   * whose name or email resembles it (typos; most similar first, among the first {@value
   * #FUZZY_CANDIDATES} candidates the index finds).
   *
   * <p>One trigram index over {@code search_text} answers both. A term that fills a page among the
   * newest leads is answered from them; a term found in few leads from the index's matches, sorted;
   * a common one by walking the leads newest first and keeping those that match, which then stops
   * after a page. Which of the two is decided by a bounded probe of the index ({@value #PROBE}
   * matches), not by the planner's guess at how many rows a {@code LIKE '%...%'} selects (off by
   * 50x for long terms), so neither path reads more than a few thousand rows for a page.
   *
   * <p>No transaction, so no BEGIN and COMMIT round trips: its statements would read separate
   * snapshots in a READ COMMITTED transaction too.
   */
  public CursorPage<LeadView> search(
      CurrentUser user, LeadFilter filter, String q, String cursor, int limit) {
    SearchTerm term = SearchTerm.parse(q);
    SearchPosition position = SearchPosition.decode(cursor, term);
    Where where = Where.visibleTo(user);
    applyFilter(user, filter, where);
    List<SearchHit> hits = new ArrayList<>();
    if (position.inContains()) {
      hits.addAll(containing(user, where, term, position, limit + 1));
    }
    if (hits.size() <= limit && term.fuzzy()) {
      SearchPosition similarFrom = position.inContains() ? SearchPosition.SIMILAR_START : position;
      hits.addAll(resembling(where, term, similarFrom, limit + 1 - hits.size()));
    }
    Map<UUID, LeadView> views =
        views(user.tenantId(), hits.stream().limit(limit).map(SearchHit::id).toList());
    List<SearchHit> visible = hits.stream().filter(h -> views.containsKey(h.id())).toList();
    if (hits.size() > limit) {
      visible = new ArrayList<>(visible);
      visible.add(hits.get(limit));
    }
    return CursorPage.fromRows(visible, limit, hit -> hit.cursor(term), hit -> views.get(hit.id()));
  }

  static final int PROBE = 1000;
  static final int FUZZY_CANDIDATES = 500;

  /**
   * How many of the newest visible leads are read for the term before the index is asked: a common
   * term ("gmail", an area code) fills a page among them at once.
   */
  static final int WALK_FIRST = 200;

  /**
   * Leads containing the term, newest first, after the position, in one statement that tries the
   * cheap answers in turn (each later one runs only if the earlier ones did not answer):
   *
   * <ol>
   *   <li>the page among the {@value #WALK_FIRST} newest visible leads (a common term: "gmail", an
   *       area code);
   *   <li>up to {@value #PROBE} matches from the trigram index, sorted (a rare term);
   *   <li>else walking the newest-first index until a page of matches is found (a term too rare for
   *       the newest leads and too common to sort). The pattern is written so that the trigram
   *       index cannot serve this part: a bitmap scan of it would read every match before sorting
   *       them.
   * </ol>
   */
  private List<SearchHit> containing(
      CurrentUser user, Where where, SearchTerm term, SearchPosition position, int count) {
    Map<String, Object> params = new HashMap<>(where.params());
    params.put("pattern", term.pattern());
    String after = "";
    if (position.createdAt() != null) {
      after = " and (l.created_at, l.id) < (:afterAt, :afterId)";
      params.put("afterAt", utc(position.createdAt()));
      params.put("afterId", position.id());
    }
    String visible =
        " from lead l left join agent a on a.user_id = l.assignee_id and a.tenant_id = l.tenant_id"
            + where.sql()
            + after;
    // Exactly one of the three answers returns rows: the newest leads when they fill the page,
    // else the probe's matches when there are few enough to sort, else the walk.
    return jdbc.sql(
            "with newest as (select l.id, l.created_at, l.search_text"
                + visible
                + " order by l.created_at desc, l.id desc limit :walk),"
                + " walked as (select id, created_at from newest"
                + " where search_text like :pattern"
                + " order by created_at desc, id desc limit :count),"
                + " probe as (select l.id, l.created_at"
                + visible
                + " and l.search_text like :pattern limit :probe)"
                + " select * from (select id, created_at from walked"
                + " order by created_at desc, id desc) n"
                + " where (select count(*) from walked) >= :count"
                + " union all"
                + " select * from (select id, created_at from probe"
                + " order by created_at desc, id desc limit :count) p"
                + " where (select count(*) from walked) < :count"
                + " and (select count(*) from probe) <= :probeMax"
                + " union all"
                + " select * from (select l.id, l.created_at"
                + visible
                + " and (l.search_text || '') like :pattern"
                + " order by l.created_at desc, l.id desc limit :count) w"
                + " where (select count(*) from walked) < :count"
                + " and (select count(*) from probe) > :probeMax")
        .params(params)
        .param("walk", WALK_FIRST)
        .param("count", count)
        .param("probe", PROBE + 1)
        .param("probeMax", PROBE)
        .query((rs, n) -> SearchHit.containing(rs))
        .list();
  }

  /** Leads resembling the term without containing it, most similar first, after the position. */
  private List<SearchHit> resembling(
      Where where, SearchTerm term, SearchPosition position, int count) {
    // The <% operator's bar (word_similarity of the term to the closest part of the text) is set
    // on every connection: pg_trgm.word_similarity_threshold in application.yml.
    Map<String, Object> params = new HashMap<>(where.params());
    params.put("term", term.text());
    params.put("pattern", term.pattern());
    String after = "";
    if (position.score() != null) {
      after = " where (c.score, c.id) < (:afterScore, :afterId)";
      params.put("afterScore", position.score());
      params.put("afterId", position.id());
    }
    return jdbc.sql(
            "select c.id, c.score from (select l.id,"
                + " round(public.word_similarity(:term, l.search_text)::numeric, 6) as score"
                + " from lead l left join agent a"
                + " on a.user_id = l.assignee_id and a.tenant_id = l.tenant_id"
                + where.sql()
                + " and :term operator(public.<%) l.search_text"
                + " and l.search_text not like :pattern"
                + " limit :candidates) c"
                + after
                + " order by c.score desc, c.id desc limit :count")
        .params(params)
        .param("candidates", FUZZY_CANDIDATES)
        .param("count", count)
        .query((rs, n) -> SearchHit.resembling(rs))
        .list();
  }

  /** Live leads with this phone number that the caller may see, most recently updated first. */
  @Transactional(readOnly = true)
  public List<LeadView> byPhone(CurrentUser user, String e164) {
    Where where = Where.visibleTo(user);
    return jdbc
        .sql(SELECT_BY_PHONE + where.sql() + " order by l.updated_at desc, l.id desc limit 20")
        .params(where.params())
        .param("e164", e164)
        .query(LeadQueries::row)
        .list()
        .stream()
        .map(Row::view)
        .toList();
  }

  /**
   * The board rank that puts a card at {@code position} (from 0) of a stage's column as the caller
   * sees it: between its neighbours there, or before the first / after the last.
   */
  @Transactional(readOnly = true)
  public BigDecimal rankAt(CurrentUser user, UUID stageId, UUID movingId, int position) {
    if (position < 0) {
      throw InvalidRequestException.field("position", "Positions start at 0 (the top)");
    }
    Where where = Where.visibleTo(user);
    where.and(
        "l.deleted_at is null and l.stage_id = :stageId and l.id <> :movingId",
        Map.of("stageId", stageId, "movingId", movingId));
    List<BigDecimal> ranks =
        jdbc.sql(
                "select l.board_rank from lead l "
                    + where.sql()
                    + " order by l.board_rank, l.id offset :offset limit 2")
            .params(where.params())
            .param("offset", Math.max(0, position - 1))
            .query(BigDecimal.class)
            .list();
    if (position == 0) {
      return ranks.isEmpty() ? BigDecimal.ZERO : ranks.getFirst().subtract(BigDecimal.ONE);
    }
    if (ranks.isEmpty()) {
      BigDecimal last =
          jdbc.sql("select max(l.board_rank) from lead l " + where.sql())
              .params(where.params())
              .query(BigDecimal.class)
              .optional()
              .orElse(null);
      return last == null ? BigDecimal.ZERO : last.add(BigDecimal.ONE);
    }
    if (ranks.size() == 1) {
      return ranks.getFirst().add(BigDecimal.ONE);
    }
    return ranks.get(0).add(ranks.get(1)).divide(BigDecimal.valueOf(2));
  }

  /**
   * A page of the lead's history, newest first (entries of one change in reverse order of making);
   * the lead must be visible to the caller.
   */
  @Transactional(readOnly = true)
  public CursorPage<LeadHistoryEntry> history(
      CurrentUser user, UUID leadId, String cursor, int limit) {
    if (find(user, leadId, true).isEmpty()) {
      throw new NotFoundException("Lead", leadId);
    }
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, 2);
    List<LeadHistoryEntry> rows =
        jdbc.sql(
                """
                select h.id, h.action, h.field, h.old_value::text as old_value,
                       h.new_value::text as new_value, h.actor_id, h.reason, h.request_id,
                       h.occurred_at, h.merged_from_lead_id,
                       nullif(trim(concat_ws(' ', a.first_name, a.last_name)), '') as actor_name
                  from lead_history h
                  left join agent a on a.tenant_id = h.tenant_id and a.user_id = h.actor_id
                 where h.tenant_id = :tenantId and h.lead_id = :leadId
                   and (cast(:afterAt as timestamptz) is null
                        or (h.occurred_at, h.id) < (:afterAt, :afterId))
                 order by h.occurred_at desc, h.id desc
                 limit :limit
                """)
            .param("tenantId", user.tenantId())
            .param("leadId", leadId)
            .param(
                "afterAt", after == null ? null : cursorValue(LeadSort.CREATED_AT, after.value(0)))
            .param("afterId", after == null ? null : after.uuid(1))
            .param("limit", limit + 1)
            .query(
                (rs, n) ->
                    new LeadHistoryEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("action"),
                        rs.getString("field"),
                        json(rs.getString("old_value")),
                        json(rs.getString("new_value")),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"),
                        rs.getString("reason"),
                        rs.getString("request_id"),
                        instant(rs.getTimestamp("occurred_at")),
                        rs.getObject("merged_from_lead_id", UUID.class)))
            .list();
    return CursorPage.fromRows(rows, limit, e -> Cursor.of(e.occurredAt(), e.id()), e -> e);
  }

  private static JsonNode json(String text) {
    return text == null ? null : JSON.readTree(text);
  }

  private void applyFilter(CurrentUser user, LeadFilter filter, Where where) {
    LeadFilter f = filter == null ? LeadFilter.none() : filter;
    if (f.isDeleted()) {
      if (!user.isAdmin()) {
        throw new org.springframework.security.access.AccessDeniedException(
            "Only admins see deleted leads");
      }
      where.and("l.deleted_at is not null", Map.of());
    } else {
      where.and("l.deleted_at is null", Map.of());
    }
    List<FieldError> errors = new ArrayList<>();
    if (present(f.status())) {
      List<UUID> stageIds = new ArrayList<>();
      for (String status : f.status()) {
        Optional<Stage> stage = pipeline.find(user.tenantId(), status);
        if (stage.isEmpty()) {
          errors.add(new FieldError("status", pipeline.unknownStatus(user.tenantId(), status)));
        } else {
          stageIds.add(stage.get().id());
        }
      }
      where.and("l.stage_id = any(:stageIds)", Map.of("stageIds", stageIds.toArray(UUID[]::new)));
    }
    if (present(f.assigneeId())) {
      where.and(
          "l.assignee_id = any(:assigneeIds)",
          Map.of("assigneeIds", f.assigneeId().toArray(UUID[]::new)));
    }
    if (Boolean.TRUE.equals(f.unassigned())) {
      where.and("l.assignee_id is null", Map.of());
    }
    if (f.teamId() != null) {
      where.and("a.team_id = :filterTeamId", Map.of("filterTeamId", f.teamId()));
    }
    if (present(f.source())) {
      where.and(
          "lower(l.source) = any(:sources)",
          Map.of(
              "sources",
              f.source().stream()
                  .map(s -> s.strip().toLowerCase(Locale.ROOT))
                  .toArray(String[]::new)));
    }
    if (present(f.state())) {
      List<String> states = new ArrayList<>();
      for (String state : f.state()) {
        UsStates.parse(state)
            .ifPresentOrElse(
                states::add,
                () ->
                    errors.add(new FieldError("state", "'" + state + "' is not a US state code")));
      }
      where.and("l.property_state = any(:states)", Map.of("states", states.toArray(String[]::new)));
    }
    if (present(f.loanPurpose())) {
      List<String> purposes = new ArrayList<>();
      for (String purpose : f.loanPurpose()) {
        LoanPurpose.parse(purpose)
            .ifPresentOrElse(
                p -> purposes.add(p.name()),
                () ->
                    errors.add(
                        new FieldError("loanPurpose", "Loan purposes are " + LoanPurpose.NAMES)));
      }
      where.and(
          "l.loan_purpose = any(:purposes)", Map.of("purposes", purposes.toArray(String[]::new)));
    }
    if (present(f.creditBand())) {
      List<String> bands = new ArrayList<>();
      for (String band : f.creditBand()) {
        CreditBand.parse(band)
            .ifPresentOrElse(
                b -> bands.add(b.name()),
                () ->
                    errors.add(
                        new FieldError("creditBand", "Credit bands are " + CreditBand.NAMES)));
      }
      where.and("l.credit_band = any(:bands)", Map.of("bands", bands.toArray(String[]::new)));
    }
    if (f.createdFrom() != null) {
      where.and("l.created_at >= :createdFrom", Map.of("createdFrom", utc(f.createdFrom())));
    }
    if (f.createdTo() != null) {
      where.and("l.created_at < :createdTo", Map.of("createdTo", utc(f.createdTo())));
    }
    if (present(f.tags())) {
      List<String> tags = LeadDetails.tags(f.tags(), errors);
      where.and("l.tags @> cast(:tags as text[])", Map.of("tags", tags.toArray(String[]::new)));
    }
    if (f.doNotContact() != null) {
      where.and("l.do_not_contact = :dnc", Map.of("dnc", f.doNotContact()));
    }
    if (f.importId() != null) {
      where.and(
          "exists (select 1 from imported_lead il where il.import_id = :importId"
              + " and il.lead_id = l.id and il.tenant_id = l.tenant_id)",
          Map.of("importId", f.importId()));
    }
    if (f.needsReassignment() != null) {
      where.and(
          (f.needsReassignment() ? "" : "not ")
              + "coalesce(l.assignee_id is not null and (not a.active or a.deleted), false)",
          Map.of());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.size() == 1
              ? errors.getFirst().field() + ": " + errors.getFirst().message()
              : errors.size() + " filters are not valid",
          errors);
    }
  }

  private static boolean present(List<?> values) {
    return values != null && !values.isEmpty();
  }

  private static Object cursorValue(LeadSort sort, String value) {
    try {
      return switch (sort) {
        case CREATED_AT, UPDATED_AT -> utc(Instant.parse(value));
        case NAME -> value;
        case LOAN_AMOUNT, POSITION -> new BigDecimal(value);
      };
    } catch (RuntimeException e) {
      throw InvalidRequestException.field("cursor", "The cursor is not valid; start from page one");
    }
  }

  private static String sortValue(LeadSort sort, Row row) {
    LeadView view = row.view();
    return switch (sort) {
      case CREATED_AT -> view.createdAt().toString();
      case UPDATED_AT -> view.updatedAt().toString();
      case NAME -> row.sortName();
      case LOAN_AMOUNT -> view.loanAmount() == null ? "-1" : view.loanAmount().toPlainString();
      case POSITION -> row.boardRank().toPlainString();
    };
  }

  static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Row row(ResultSet rs, int n) throws SQLException {
    UUID assigneeId = rs.getObject("assignee_id", UUID.class);
    String assigneeFirst = rs.getString("assignee_first_name");
    String assigneeLast = rs.getString("assignee_last_name");
    boolean assigneeKnown = rs.getObject("assignee_active") != null;
    boolean assigneeGone =
        assigneeKnown && (!rs.getBoolean("assignee_active") || rs.getBoolean("assignee_deleted"));
    String assigneeName =
        assigneeKnown
            ? ((assigneeFirst == null ? "" : assigneeFirst)
                    + " "
                    + (assigneeLast == null ? "" : assigneeLast))
                .strip()
            : null;
    Instant consentGivenAt = instant(rs.getTimestamp("consent_given_at"));
    String loanPurpose = rs.getString("loan_purpose");
    String creditBand = rs.getString("credit_band");
    LeadView view =
        new LeadView(
            rs.getObject("id", UUID.class),
            rs.getString("first_name"),
            rs.getString("last_name"),
            rs.getString("email"),
            rs.getString("phone"),
            rs.getString("phone_e164"),
            rs.getString("source"),
            rs.getObject("stage_id", UUID.class),
            rs.getString("stage_name"),
            StageKind.valueOf(rs.getString("stage_kind")),
            loanPurpose == null ? null : LoanPurpose.valueOf(loanPurpose),
            rs.getBigDecimal("loan_amount"),
            rs.getString("loan_currency"),
            rs.getString("property_state"),
            creditBand == null ? null : CreditBand.valueOf(creditBand),
            rs.getString("notes"),
            strings(rs.getArray("tags")),
            JsonMapConverter.read(rs.getString("custom_fields")),
            assigneeId,
            assigneeName == null || assigneeName.isEmpty() ? null : assigneeName,
            instant(rs.getTimestamp("assigned_at")),
            assigneeId != null && assigneeGone,
            rs.getBoolean("do_not_contact"),
            rs.getString("do_not_contact_reason"),
            instant(rs.getTimestamp("do_not_contact_at")),
            rs.getObject("do_not_contact_by", UUID.class),
            consentGivenAt == null
                ? null
                : new ConsentView(
                    consentGivenAt,
                    ConsentMethod.valueOf(rs.getString("consent_method")),
                    rs.getString("consent_text")),
            rs.getObject("merged_into_id", UUID.class),
            instant(rs.getTimestamp("created_at")),
            rs.getObject("created_by", UUID.class),
            instant(rs.getTimestamp("updated_at")),
            rs.getObject("updated_by", UUID.class),
            instant(rs.getTimestamp("deleted_at")),
            rs.getLong("version"));
    BigDecimal score = hasColumn(rs, "score") ? rs.getBigDecimal("score") : null;
    return new Row(view, rs.getString("sort_name"), rs.getBigDecimal("board_rank"), score);
  }

  private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
    var meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (name.equals(meta.getColumnLabel(i))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A WHERE clause under construction: the tenant and visibility first, then filters. */
  static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    static Where visibleTo(CurrentUser user) {
      Where where = new Where();
      where.and("l.tenant_id = :tenantId", Map.of("tenantId", user.tenantId()));
      Visibility visibility = Visibility.of(user);
      where.and(visibility.condition(), visibility.params());
      return where;
    }

    void and(String condition, Map<String, Object> values) {
      conditions.add(condition);
      params.putAll(values);
    }

    String sql() {
      return " where " + String.join(" and ", conditions.stream().map(c -> "(" + c + ")").toList());
    }

    Map<String, Object> params() {
      return params;
    }
  }
}
