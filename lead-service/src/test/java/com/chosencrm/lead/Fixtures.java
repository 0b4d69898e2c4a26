package com.chosencrm.lead;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.chosencrm.common.events.EventEnvelope;
import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.testsupport.tokens.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds each test a world of its own: a tenant, its users and teams (fed into the read model the
 * way user-service's events do), tokens for them, and leads created through the API.
 */
@TestComponent
public class Fixtures {

  public static final JsonMapper JSON = JsonMapper.shared();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  // Events of a test happen in order; a strictly increasing clock keeps them apart.
  private static final AtomicLong LAST_MICROS = new AtomicLong();

  private final AgentDirectory agents;
  private final TransactionTemplate transactions;
  private final MockMvc mvc;
  private final JwtDecoder decoder;

  Fixtures(
      AgentDirectory agents, TransactionTemplate transactions, MockMvc mvc, JwtDecoder decoder) {
    this.agents = agents;
    this.transactions = transactions;
    this.mvc = mvc;
    this.decoder = decoder;
  }

  /** A user of a tenant with a valid token. */
  public record Member(UUID id, UUID tenantId, UUID teamId, List<String> roles, String token) {
    public String bearer() {
      return "Bearer " + token;
    }

    public CurrentUser currentUser() {
      return new CurrentUser(id, tenantId, Set.copyOf(roles), teamId, "test", null);
    }
  }

  /** A tenant with its admin. */
  public record World(UUID tenantId, Member admin) {}

  public World newTenant() {
    UUID tenantId = UUID.randomUUID();
    return new World(tenantId, member(tenantId, null, "ADMIN"));
  }

  public Member agent(World world, UUID teamId) {
    return member(world.tenantId(), teamId, "AGENT");
  }

  public Member supervisor(World world, UUID teamId) {
    return member(world.tenantId(), teamId, "SUPERVISOR");
  }

  /** A user announced by UserCreated; the token carries the team claim. */
  public Member member(UUID tenantId, UUID teamId, String... roles) {
    UUID id = UuidV7.next();
    int n = SEQUENCE.incrementAndGet();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("userId", id);
    payload.put("email", "user" + n + "@example.test");
    payload.put("firstName", "User");
    payload.put("lastName", "Number" + n);
    payload.put("roles", List.of(roles));
    payload.put("teamId", teamId);
    apply(tenantId, "UserCreated", id, payload);
    TestTokens token = TestTokens.user(id, tenantId).roles(roles);
    if (teamId != null) {
      token.team(teamId);
    }
    return new Member(id, tenantId, teamId, List.of(roles), token.sign());
  }

  /** A team announced by TeamChanged (members join it through their own UserCreated). */
  public UUID team(World world) {
    UUID teamId = UuidV7.next();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("teamId", teamId);
    payload.put("name", "Team " + SEQUENCE.incrementAndGet());
    payload.put("supervisorId", null);
    payload.put("memberIds", List.of());
    payload.put("change", "CREATED");
    apply(world.tenantId(), "TeamChanged", teamId, payload);
    return teamId;
  }

  /** Hands an event to the read model as the consumer would, in a transaction. */
  public void apply(UUID tenantId, String type, UUID aggregateId, Object payload) {
    EventEnvelope event =
        new EventEnvelope(
            UuidV7.next(), type, tenantId, nextInstant(), aggregateId, JSON.valueToTree(payload));
    transactions.executeWithoutResult(status -> agents.apply(event));
  }

  public static Instant nextInstant() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    long micros = LAST_MICROS.updateAndGet(last -> Math.max(last + 1, now));
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** Creates a lead through the API; fails the test unless it answers 201. */
  public JsonNode createLead(Member creator, Map<String, ?> body) {
    MvcResult result = postJson(creator, "/api/leads", body, 201);
    return read(result);
  }

  public JsonNode createLead(Member creator, String firstName, String lastName) {
    return createLead(creator, Map.of("firstName", firstName, "lastName", lastName));
  }

  public UUID leadId(Member creator, String firstName, String lastName) {
    return UUID.fromString(createLead(creator, firstName, lastName).get("id").asString());
  }

  public MvcResult postJson(Member member, String path, Object body, int expectedStatus) {
    try {
      MvcResult result =
          mvc.perform(
                  post(path)
                      .header(HttpHeaders.AUTHORIZATION, member.bearer())
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(JSON.writeValueAsString(body)))
              .andReturn();
      if (result.getResponse().getStatus() != expectedStatus) {
        throw new AssertionError(
            "POST "
                + path
                + " answered "
                + result.getResponse().getStatus()
                + ": "
                + result.getResponse().getContentAsString());
      }
      return result;
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode read(MvcResult result) {
    try {
      return JSON.readTree(result.getResponse().getContentAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs service code as the member, with their token in the security context. */
  public <T> T as(Member member, Supplier<T> work) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new JwtAuthenticationToken(decoder.decode(member.token())));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
