package com.chosencrm.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class LoginLockoutTests {

  private static final String WRONG = "Wrong-Password-99";

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired LoginAttempts attempts;
  @Autowired AuthProperties properties;
  @Autowired StringRedisTemplate redis;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  private static String unknownEmail() {
    return "nobody-" + UUID.randomUUID() + "@example.test";
  }

  private void failTimes(String email, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      auth.login(email, WRONG).andExpect(status().isUnauthorized());
    }
  }

  private long auditCount(UUID tenantId, String action) {
    return jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = :a")
        .param("t", tenantId)
        .param("a", action)
        .query(Long.class)
        .single();
  }

  @Test
  void whenAnEmailFailsFiveTimes_thenItIsLockedEvenForTheRightPassword() throws Exception {
    World world = fixtures.newTenant();
    Member admin = world.admin();

    failTimes(admin.email(), properties.maxFailedLogins());

    MvcResult locked =
        auth.login(admin.email(), Fixtures.PASSWORD)
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/too-many-requests"))
            .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
            .andReturn();
    long retryAfter = Long.parseLong(locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, properties.lockDuration().toSeconds());
    assertThat(auditCount(world.tenantId(), "LOGIN_FAILED"))
        .isEqualTo(properties.maxFailedLogins());
    assertThat(auditCount(world.tenantId(), "ACCOUNT_LOCKED")).isEqualTo(1);
    // The email is locked, not the person: someone else signs in as usual.
    auth.login(fixtures.agent(world).email(), Fixtures.PASSWORD).andExpect(status().isOk());
  }

  @Test
  void whenAnUnknownEmailFailsFiveTimes_thenItGetsTheSameLockAnswerAsAKnownOne() throws Exception {
    Member admin = fixtures.newTenant().admin();
    String unknown = unknownEmail();
    failTimes(admin.email(), properties.maxFailedLogins());
    failTimes(unknown, properties.maxFailedLogins());

    ResultActions known = auth.login(admin.email(), Fixtures.PASSWORD);
    ResultActions stranger = auth.login(unknown, Fixtures.PASSWORD);

    known.andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    stranger.andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    Map<String, Object> knownBody = auth.problemWithoutRequestId(known);
    Map<String, Object> strangerBody = auth.problemWithoutRequestId(stranger);
    // Seconds left may differ by one between the two locks; everything else must not.
    knownBody.remove("retryAfterSeconds");
    strangerBody.remove("retryAfterSeconds");
    assertThat(strangerBody).isEqualTo(knownBody);
  }

  @Test
  void whenEmailIsUnknownPasswordWrongOrUserDeactivated_thenTheAnswersAreIdentical()
      throws Exception {
    World world = fixtures.newTenant();
    Member deactivated = fixtures.agent(world);
    // Deactivation is another feature's API; the stored flag is what login must honour.
    jdbc.sql("update app_user set active = false where id = :u")
        .param("u", deactivated.id())
        .update();

    ResultActions unknown = auth.login(unknownEmail(), WRONG);
    ResultActions wrongPassword = auth.login(world.admin().email(), WRONG);
    ResultActions inactive = auth.login(deactivated.email(), Fixtures.PASSWORD);

    unknown.andExpect(status().isUnauthorized());
    wrongPassword.andExpect(status().isUnauthorized());
    inactive.andExpect(status().isUnauthorized());
    Map<String, Object> expected = auth.problemWithoutRequestId(unknown);
    assertThat(expected).containsEntry("detail", "Invalid email or password");
    assertThat(auth.problemWithoutRequestId(wrongPassword)).isEqualTo(expected);
    assertThat(auth.problemWithoutRequestId(inactive)).isEqualTo(expected);
    assertThat(auditCount(world.tenantId(), "LOGIN_FAILED")).isEqualTo(2);
  }

  @Test
  void whenSignInSucceedsBeforeTheLimit_thenEarlierFailuresAreForgiven() throws Exception {
    Member admin = fixtures.newTenant().admin();
    int belowLimit = properties.maxFailedLogins() - 1;

    failTimes(admin.email(), belowLimit);
    auth.login(admin.email(), Fixtures.PASSWORD).andExpect(status().isOk());
    failTimes(admin.email(), belowLimit);

    auth.login(admin.email(), Fixtures.PASSWORD).andExpect(status().isOk());
  }

  @Test
  void whenTheLockRunsOut_thenTheEmailMaySignInAgain() throws Exception {
    // A short lock of its own, on the same Redis, so the test need not wait fifteen minutes.
    LoginAttempts shortLock =
        new LoginAttempts(
            redis,
            new AuthProperties(
                2,
                Duration.ofMinutes(1),
                Duration.ofMillis(300),
                10,
                Duration.ofMillis(1),
                Duration.ofMillis(5)));
    String email = unknownEmail();

    assertThat(shortLock.recordFailure(email, null)).isFalse();
    assertThat(shortLock.recordFailure(email, null)).isTrue();
    assertThat(shortLock.lockRemaining(email)).isPresent();

    Thread.sleep(400);

    assertThat(shortLock.lockRemaining(email)).isEmpty();
    // And it starts again from zero failures.
    assertThat(shortLock.recordFailure(email, null)).isFalse();
  }

  @Test
  void whenOneAddressFailsTooOften_thenItsAttemptsAreDelayedProgressively() throws Exception {
    String ip = AuthCalls.newIp();
    for (int i = 0; i < properties.ipFailureThreshold(); i++) {
      // Different emails, so no email lock interferes: this is about the address alone.
      auth.login(unknownEmail(), WRONG, ip).andExpect(status().isUnauthorized());
    }
    assertThat(attempts.delayFor(ip)).isEqualTo(properties.ipDelayStep());
    assertThat(attempts.delayFor(AuthCalls.newIp())).isZero();

    long started = System.nanoTime();
    auth.login(unknownEmail(), WRONG, ip).andExpect(status().isUnauthorized());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(properties.ipDelayStep());
    assertThat(attempts.delayFor(ip)).isEqualTo(properties.ipDelayStep().multipliedBy(2));
  }

  @Test
  void whenAnAddressKeepsFailing_thenTheDelayIsCapped() {
    LoginAttempts capped =
        new LoginAttempts(
            redis,
            new AuthProperties(
                100,
                Duration.ofMinutes(1),
                Duration.ofMinutes(1),
                2,
                Duration.ofMillis(40),
                Duration.ofMillis(100)));
    String ip = AuthCalls.newIp();

    capped.recordFailure(unknownEmail(), ip);
    assertThat(capped.delayFor(ip)).isZero();
    capped.recordFailure(unknownEmail(), ip);
    assertThat(capped.delayFor(ip)).isEqualTo(Duration.ofMillis(40));
    capped.recordFailure(unknownEmail(), ip);
    assertThat(capped.delayFor(ip)).isEqualTo(Duration.ofMillis(80));
    capped.recordFailure(unknownEmail(), ip);
    assertThat(capped.delayFor(ip)).isEqualTo(Duration.ofMillis(100));
    capped.recordFailure(unknownEmail(), ip);
    assertThat(capped.delayFor(ip)).isEqualTo(Duration.ofMillis(100));
  }
}
