package com.chosencrm.lead.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The read model follows user-service's stream, as the consumer group sees it. */
@LeadServiceTest
class UserEventsConsumerTests {

  @Autowired StringRedisTemplate redis;
  @Autowired AgentDirectory directory;
  @Autowired Fixtures fixtures;

  World world;
  UUID team;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    team = fixtures.team(world);
  }

  @Test
  void eventsOnTheStreamKeepTheReadModel() {
    UUID userId = UuidV7.next();
    publish(
        "UserCreated",
        userId,
        Map.of(
            "userId",
            userId,
            "email",
            "new@example.test",
            "firstName",
            "Nia",
            "lastName",
            "Long",
            "roles",
            List.of("AGENT"),
            "teamId",
            team));
    AgentView created = awaitAgent(userId, a -> a.isActive() && a.isInTeam(team));
    assertThat(created.name()).isEqualTo("Nia Long");
    assertThat(created.roles()).containsExactly("AGENT");

    publish(
        "UserDeactivated",
        userId,
        Map.of("userId", userId, "email", "new@example.test", "teamId", team));
    awaitAgent(userId, a -> !a.isActive());

    publish(
        "UserReactivated",
        userId,
        Map.of("userId", userId, "email", "new@example.test", "teamId", team));
    awaitAgent(userId, AgentView::isActive);

    publish(
        "UserRoleChanged",
        userId,
        Map.of(
            "userId",
            userId,
            "oldRoles",
            List.of("AGENT"),
            "newRoles",
            List.of("AGENT", "SUPERVISOR")));
    awaitAgent(userId, a -> a.roles().contains("SUPERVISOR"));

    UUID otherTeam = UuidV7.next();
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("teamId", otherTeam);
    moved.put("name", "Closers");
    moved.put("supervisorId", null);
    moved.put("memberIds", List.of(userId));
    moved.put("change", "MEMBERS_CHANGED");
    publish("TeamChanged", otherTeam, moved);
    awaitAgent(userId, a -> a.isInTeam(otherTeam));
    assertThat(directory.teamExists(world.tenantId(), otherTeam)).isTrue();

    publish(
        "UserDeleted",
        userId,
        Map.of("userId", userId, "email", "new@example.test", "teamId", otherTeam));
    awaitAgent(userId, AgentView::deleted);
  }

  @Test
  void aLateOlderEventDoesNotUndoANewerOne() {
    Member agent = fixtures.agent(world, team);
    Instant older = Instant.now().minus(Duration.ofHours(1));
    fixtures.apply(
        world.tenantId(),
        "UserDeactivated",
        agent.id(),
        Map.of("userId", agent.id(), "email", "a@example.test", "teamId", team));
    // A reactivation that happened an hour ago arrives only now.
    publish(
        "UserReactivated",
        agent.id(),
        Map.of("userId", agent.id(), "email", "a@example.test", "teamId", team),
        older);
    UUID marker = UuidV7.next();
    publish(
        "UserCreated",
        marker,
        Map.of(
            "userId",
            marker,
            "email",
            "m@example.test",
            "firstName",
            "M",
            "lastName",
            "M",
            "roles",
            List.of("AGENT")));
    awaitAgent(marker, a -> true);
    assertThat(directory.find(world.tenantId(), agent.id()))
        .get()
        .extracting(AgentView::isActive)
        .isEqualTo(false);
  }

  @Test
  void aUserMovedBetweenTeamsEndsUpInTheNewOneWhateverTheOrder() {
    Member agent = fixtures.agent(world, team);
    UUID newTeam = UuidV7.next();
    Map<String, Object> joined = new LinkedHashMap<>();
    joined.put("teamId", newTeam);
    joined.put("name", "New");
    joined.put("supervisorId", null);
    joined.put("memberIds", List.of(agent.id()));
    joined.put("change", "MEMBERS_CHANGED");
    Map<String, Object> left = new LinkedHashMap<>(joined);
    left.put("teamId", team);
    left.put("memberIds", List.of());
    // The leave was written first, the join second, but they are handled the other way round.
    Instant leftAt = Fixtures.nextInstant();
    fixtures.apply(world.tenantId(), "TeamChanged", newTeam, joined);
    publish("TeamChanged", team, left, leftAt);
    UUID marker = UuidV7.next();
    publish(
        "UserCreated",
        marker,
        Map.of(
            "userId",
            marker,
            "email",
            "m2@example.test",
            "firstName",
            "M",
            "lastName",
            "M",
            "roles",
            List.of("AGENT")));
    awaitAgent(marker, a -> true);
    assertThat(directory.find(world.tenantId(), agent.id()))
        .get()
        .extracting(AgentView::teamId)
        .isEqualTo(newTeam);
  }

  private void publish(String type, UUID aggregateId, Map<String, ?> payload) {
    publish(type, aggregateId, payload, Fixtures.nextInstant());
  }

  private void publish(String type, UUID aggregateId, Map<String, ?> payload, Instant occurredAt) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", UuidV7.next().toString());
    fields.put("type", type);
    fields.put("tenantId", world.tenantId().toString());
    fields.put("occurredAt", occurredAt.toString());
    fields.put("aggregateId", aggregateId.toString());
    fields.put("payload", Fixtures.JSON.writeValueAsString(payload));
    redis.opsForStream().add(StreamRecords.string(fields).withStreamKey("events.user-service"));
  }

  private AgentView awaitAgent(UUID userId, java.util.function.Predicate<AgentView> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> directory.find(world.tenantId(), userId).orElse(null),
            a -> a != null && condition.test(a));
  }
}
