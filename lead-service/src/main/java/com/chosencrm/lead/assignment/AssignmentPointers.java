package com.chosencrm.lead.assignment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code assignment_pointer} rows of one tenant, locked {@code FOR UPDATE} on first use in the
 * current transaction: whoever holds a pointer is the only one assigning through it, on any
 * instance, until the transaction ends.
 */
final class AssignmentPointers {

  /** The rule id of round robin that no rule asked for. */
  static final UUID NO_RULE = new UUID(0, 0);

  record Key(UUID ruleId, UUID targetId) {}

  static final Comparator<Key> LOCK_ORDER =
      Comparator.comparing(Key::ruleId, AssignmentPointers::compareUuids)
          .thenComparing(Key::targetId, AssignmentPointers::compareUuids);

  private final JdbcClient jdbc;
  private final UUID tenantId;
  // The last user of each locked pointer; present (maybe with an empty value) once locked.
  private final Map<Key, Optional<UUID>> locked = new HashMap<>();
  // With deferred writes: pointers moved in memory and not yet written.
  private final Map<Key, Instant> moved = new HashMap<>();
  private final boolean deferWrites;

  AssignmentPointers(JdbcClient jdbc, UUID tenantId) {
    this(jdbc, tenantId, false);
  }

  /**
   * @param deferWrites keep moves in memory until {@link #flush}: a batch of thousands of leads
   *     through one pointer writes it once rather than once per lead (updating the same row
   *     thousands of times in one transaction grows its version chain, and each update gets slower)
   */
  AssignmentPointers(JdbcClient jdbc, UUID tenantId, boolean deferWrites) {
    this.jdbc = jdbc;
    this.tenantId = tenantId;
    this.deferWrites = deferWrites;
  }

  /** Locks the pointers in {@link #LOCK_ORDER}. */
  void lockAll(Collection<Key> keys) {
    keys.stream().distinct().sorted(LOCK_ORDER).forEach(this::lastUser);
  }

  /** Locks the pointer (creating it if needed) and answers who it points at. */
  Optional<UUID> lastUser(Key key) {
    Optional<UUID> known = locked.get(key);
    if (known != null) {
      return known;
    }
    jdbc.sql(
            """
            insert into assignment_pointer (tenant_id, rule_id, target_id, last_user_id, updated_at)
            values (:tenantId, :ruleId, :targetId, null, now())
            on conflict do nothing
            """)
        .param("tenantId", tenantId)
        .param("ruleId", key.ruleId())
        .param("targetId", key.targetId())
        .update();
    Optional<UUID> last =
        jdbc.sql(
                """
                select last_user_id from assignment_pointer
                 where tenant_id = :tenantId and rule_id = :ruleId and target_id = :targetId
                   for update
                """)
            .param("tenantId", tenantId)
            .param("ruleId", key.ruleId())
            .param("targetId", key.targetId())
            .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
            .single();
    locked.put(key, last);
    return last;
  }

  void advance(Key key, UUID userId, Instant at) {
    if (deferWrites) {
      locked.put(key, Optional.of(userId));
      moved.put(key, at);
      return;
    }
    write(key, userId, at);
  }

  /** Writes the pointers moved since the last flush (deferred writes only). */
  void flush() {
    moved.forEach((key, at) -> write(key, locked.get(key).orElseThrow(), at));
    moved.clear();
  }

  private void write(Key key, UUID userId, Instant at) {
    jdbc.sql(
            """
            update assignment_pointer set last_user_id = :userId, updated_at = :at
             where tenant_id = :tenantId and rule_id = :ruleId and target_id = :targetId
            """)
        .param("userId", userId)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("tenantId", tenantId)
        .param("ruleId", key.ruleId())
        .param("targetId", key.targetId())
        .update();
    locked.put(key, Optional.of(userId));
  }

  /**
   * The candidates in turn after {@code last}: those after it in user-id order, then from the
   * start. PostgreSQL compares UUIDs as unsigned bytes, so Java's signed {@link UUID#compareTo}
   * would disagree with the database; this order is PostgreSQL's.
   */
  static List<UUID> inTurnAfter(List<UUID> candidates, Optional<UUID> last) {
    List<UUID> sorted = candidates.stream().sorted(AssignmentPointers::compareUuids).toList();
    if (last.isEmpty()) {
      return sorted;
    }
    int split = 0;
    while (split < sorted.size() && compareUuids(sorted.get(split), last.get()) <= 0) {
      split++;
    }
    return java.util.stream.Stream.concat(
            sorted.subList(split, sorted.size()).stream(), sorted.subList(0, split).stream())
        .toList();
  }

  static int compareUuids(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
