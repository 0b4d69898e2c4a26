package com.chosencrm.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.tenant.Tenants;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class RefreshTokenRotationTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired SessionService sessions;
  @Autowired JdbcClient jdbc;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  private record StoredRow(
      UUID id, UUID familyId, Instant usedAt, Instant revokedAt, UUID replacedBy) {}

  private StoredRow stored(String refreshToken) {
    return jdbc.sql(
            """
            select id, family_id, used_at, revoked_at, replaced_by from refresh_token
            where token_hash = :hash
            """)
        .param("hash", RefreshTokens.hash(refreshToken))
        .query(
            (rs, i) ->
                new StoredRow(
                    rs.getObject("id", UUID.class),
                    rs.getObject("family_id", UUID.class),
                    instant(rs.getObject("used_at", OffsetDateTime.class)),
                    instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                    rs.getObject("replaced_by", UUID.class)))
        .single();
  }

  private long familySize(UUID familyId) {
    return jdbc.sql("select count(*) from refresh_token where family_id = :f")
        .param("f", familyId)
        .query(Long.class)
        .single();
  }

  private long reuseAudits(World world) {
    return jdbc.sql(
            """
            select count(*) from audit_event
            where tenant_id = :t and action = 'REFRESH_TOKEN_REUSED' and target_id = :u
            """)
        .param("t", world.tenantId())
        .param("u", world.admin().id().toString())
        .query(Long.class)
        .single();
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private AuthCalls.Session refreshed(String refreshToken) throws Exception {
    return AuthCalls.Session.of(
        auth.refresh(refreshToken)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @SuppressWarnings("unchecked")
  private List<String> rolesIn(String accessToken) {
    String payload =
        new String(
            Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
    return (List<String>) json.readValue(payload, Map.class).get("roles");
  }

  @Test
  void whenRefreshTokenIsPresented_thenItIsSpentAndASuccessorInTheSameFamilyIsIssued()
      throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session first = auth.signIn(admin.email(), Fixtures.PASSWORD);

    AuthCalls.Session second = refreshed(first.refreshToken());

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    StoredRow spent = stored(first.refreshToken());
    StoredRow successor = stored(second.refreshToken());
    assertThat(spent.usedAt()).isNotNull();
    assertThat(spent.replacedBy()).isEqualTo(successor.id());
    assertThat(successor.familyId()).isEqualTo(spent.familyId());
    assertThat(successor.usedAt()).isNull();
    auth.me(second.accessToken()).andExpect(status().isOk());
    // The successor rotates in turn.
    refreshed(second.refreshToken());
  }

  @Test
  void whenSpentRefreshTokenIsReplayed_thenTheWholeFamilyIsRevoked() throws Exception {
    World world = fixtures.newTenant();
    AuthCalls.Session first = auth.signIn(world.admin().email(), Fixtures.PASSWORD);
    AuthCalls.Session otherDevice = auth.signIn(world.admin().email(), Fixtures.PASSWORD);
    AuthCalls.Session second = refreshed(first.refreshToken());

    auth.refresh(first.refreshToken())
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"));
    assertThat(reuseAudits(world)).isEqualTo(1);

    // The legitimate successor dies with the thief's copy; presenting it is a reuse in turn.
    assertThat(stored(second.refreshToken()).revokedAt()).isNotNull();
    auth.refresh(second.refreshToken()).andExpect(status().isUnauthorized());
    assertThat(reuseAudits(world)).isEqualTo(2);
    // Another session of the same user is another family, and survives.
    refreshed(otherDevice.refreshToken());
  }

  @Test
  void whenTheSameTokenIsPresentedConcurrently_thenOnlyOneSuccessorIsMinted() throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session session = auth.signIn(admin.email(), Fixtures.PASSWORD);
    int racers = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
      for (int i = 0; i < racers; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    sessions.refresh(session.refreshToken());
                    return true;
                  } catch (InvalidRefreshTokenException refused) {
                    return false;
                  }
                }));
      }
      start.countDown();
      long successes = 0;
      for (Future<Boolean> outcome : outcomes) {
        successes += outcome.get() ? 1 : 0;
      }
      assertThat(successes).isEqualTo(1);
    }
    assertThat(familySize(stored(session.refreshToken()).familyId())).isEqualTo(2);
  }

  @Test
  void whenRolesChangeBetweenRefreshes_thenTheNewAccessTokenCarriesTheCurrentRoles()
      throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session session = auth.signIn(agent.email(), Fixtures.PASSWORD);
    // Role management is another feature's API; the table is what refresh must re-read.
    jdbc.sql("insert into user_role (user_id, role) values (:u, 'SUPERVISOR')")
        .param("u", agent.id())
        .update();

    String body =
        auth.refresh(session.refreshToken())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.user.roles").value(Matchers.contains("AGENT", "SUPERVISOR")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(rolesIn(JsonPath.read(body, "$.accessToken")))
        .containsExactlyInAnyOrder("AGENT", "SUPERVISOR");
  }

  @Test
  void whenUserWasDeactivated_thenRefreshIsRefusedAndTheFamilyRevoked() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session session = auth.signIn(agent.email(), Fixtures.PASSWORD);
    // Deactivation is another feature's API; the stored flag is what refresh must honour.
    jdbc.sql("update app_user set active = false where id = :u").param("u", agent.id()).update();

    auth.refresh(session.refreshToken())
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("Your session has ended; sign in again"));

    assertThat(stored(session.refreshToken()).revokedAt()).isNotNull();
  }

  @Test
  void whenTenantIsSuspended_thenRefreshIsForbiddenUntilItIsReactivated() throws Exception {
    World world = fixtures.newTenant();
    AuthCalls.Session session = auth.signIn(world.admin().email(), Fixtures.PASSWORD);
    tenants.suspend(world.tenantId());
    try {
      auth.refresh(session.refreshToken())
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/tenant-suspended"));
      assertThat(stored(session.refreshToken()).usedAt()).isNull();
    } finally {
      tenants.reactivate(world.tenantId());
    }
    refreshed(session.refreshToken());
  }

  @Test
  void whenRefreshTokenHasExpired_thenUnauthorizedWithoutRevokingTheFamily() throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session session = auth.signIn(admin.email(), Fixtures.PASSWORD);
    jdbc.sql("update refresh_token set expires_at = :past where token_hash = :hash")
        .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
        .param("hash", RefreshTokens.hash(session.refreshToken()))
        .update();

    auth.refresh(session.refreshToken()).andExpect(status().isUnauthorized());

    StoredRow row = stored(session.refreshToken());
    assertThat(row.usedAt()).isNull();
    assertThat(row.revokedAt()).isNull();
  }

  @Test
  void whenRefreshTokenIsUnknownOrMissing_thenUnauthorizedOrFieldError() throws Exception {
    auth.refresh("never-issued-" + UUID.randomUUID())
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("Your session has ended; sign in again"));

    mvc.perform(
            MockMvcRequestBuilders.post("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("refreshToken"));
  }

  @Test
  void whenExpiredTokensArePurged_thenLiveOnesAreKept() throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session expired = auth.signIn(admin.email(), Fixtures.PASSWORD);
    AuthCalls.Session live = auth.signIn(admin.email(), Fixtures.PASSWORD);
    jdbc.sql("update refresh_token set expires_at = :past where token_hash = :hash")
        .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
        .param("hash", RefreshTokens.hash(expired.refreshToken()))
        .update();

    assertThat(sessions.purgeExpired()).isGreaterThanOrEqualTo(1);

    long left =
        jdbc.sql("select count(*) from refresh_token where token_hash = :hash")
            .param("hash", RefreshTokens.hash(expired.refreshToken()))
            .query(Long.class)
            .single();
    assertThat(left).isZero();
    refreshed(live.refreshToken());
  }
}
