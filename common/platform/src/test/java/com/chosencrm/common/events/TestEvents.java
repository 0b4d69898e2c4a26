package com.chosencrm.common.events;

import com.chosencrm.common.id.UuidV7;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Events and stream inspection for the events tests. */
final class TestEvents {

  private TestEvents() {}

  /** Where test handlers leave their effects; created before any test consumer runs. */
  static void createEffectTable(JdbcClient jdbc) {
    jdbc.sql("create table if not exists event_effect (event_id uuid not null, tag text not null)")
        .update();
  }

  /** What the test handlers do: one row per handling, in the consumer's transaction. */
  static void recordEffect(JdbcClient jdbc, EventEnvelope event, String tag) {
    jdbc.sql("insert into event_effect (event_id, tag) values (:id, :tag)")
        .param("id", event.id())
        .param("tag", tag)
        .update();
  }

  static long effects(JdbcClient jdbc, UUID eventId) {
    return jdbc.sql("select count(*) from event_effect where event_id = :id")
        .param("id", eventId)
        .query(Long.class)
        .single();
  }

  static EventEnvelope envelope(String type) {
    return new EventEnvelope(
        UuidV7.next(),
        type,
        UUID.randomUUID(),
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        UUID.randomUUID(),
        JsonMapper.shared().valueToTree(Map.of("note", "test " + type)));
  }

  /** Appends an entry exactly as the relay would: how a test stages deliveries and duplicates. */
  static RecordId append(StringRedisTemplate redis, String stream, EventEnvelope event) {
    return redis
        .opsForStream()
        .add(StreamRecords.newRecord().in(stream).ofMap(StreamEntries.fields(event)));
  }

  /** Every entry of {@code stream} that carries the event {@code eventId}. */
  static List<MapRecord<String, Object, Object>> entriesOf(
      StringRedisTemplate redis, String stream, UUID eventId) {
    List<MapRecord<String, Object, Object>> entries =
        redis.opsForStream().range(stream, Range.unbounded());
    return entries == null
        ? List.of()
        : entries.stream()
            .filter(entry -> eventId.toString().equals(entry.getValue().get(StreamEntries.ID)))
            .toList();
  }

  static long pending(StringRedisTemplate redis, String stream, String group) {
    return redis.opsForStream().pending(stream, group).getTotalPendingMessages();
  }

  /** The group has been handed {@code last} (and everything before it) and acknowledged it all. */
  static boolean settled(StringRedisTemplate redis, String stream, String group, RecordId last) {
    XInfoGroup info =
        redis.opsForStream().groups(stream).stream()
            .filter(g -> g.groupName().equals(group))
            .findFirst()
            .orElse(null);
    if (info == null) {
      return false;
    }
    RecordId delivered = RecordId.of(info.lastDeliveredId());
    boolean reached =
        delivered.getTimestamp() > last.getTimestamp()
            || (delivered.getTimestamp().equals(last.getTimestamp())
                && delivered.getSequence() >= last.getSequence());
    return reached && pending(redis, stream, group) == 0;
  }
}
