package com.chosencrm.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The copy of the deny-list a service checks tokens against (ADR 0010): complete from Redis at
 * start, current through the change messages, and silent (Redis is asked) when it may have missed
 * one.
 */
@SpringBootTest
class DenyListMirrorTests {

  @Autowired DenyListMirror mirror;
  @Autowired TokenRevocations revocations;
  @Autowired StringRedisTemplate redis;
  @Autowired ClientResources clientResources;

  /** Another instance of some service, writing the same deny-list without a copy of its own. */
  TokenRevocations elsewhere;

  final String tenant = UUID.randomUUID().toString();
  final String user = UUID.randomUUID().toString();
  final Instant issued = Instant.now().minusSeconds(60);

  @BeforeEach
  void completeCopy() {
    elsewhere = new TokenRevocations(redis, Duration.ofSeconds(60), mirror.channel());
    await().atMost(Duration.ofSeconds(10)).until(mirror::isComplete);
  }

  @Test
  void aChangeMadeByAnotherInstanceIsKnownHereAsSoonAsItsMessageArrives() {
    String jti = UUID.randomUUID().toString();
    assertThat(mirror.isRejected(jti, tenant, user, issued)).isFalse();

    elsewhere.revokeToken(jti, Instant.now().plusSeconds(900));
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> Boolean.TRUE.equals(mirror.isRejected(jti, tenant, user, issued)));

    UUID cutOff = UUID.randomUUID();
    elsewhere.revokeUserTokensIssuedBefore(cutOff, Instant.now().minusSeconds(10));
    await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () -> Boolean.TRUE.equals(mirror.isRejected(null, tenant, cutOff.toString(), issued)));
    // A token issued after the cut-off still passes.
    assertThat(mirror.isRejected(null, tenant, cutOff.toString(), Instant.now())).isFalse();
  }

  @Test
  void checksAreAnsweredHereWithoutAskingRedis() {
    // Redis has it, the copy does not. Only a copy answering on its own can let this token
    // through, so this shows no round trip was made.
    String jti = revokedWithoutAMessage();
    assertThat(revocations.isRejected(jti, tenant, user, issued)).isFalse();
  }

  @Test
  void thisInstancesOwnChangesCountBeforeTheirMessageComesBack() {
    String jti = UUID.randomUUID().toString();
    revocations.revokeToken(jti, Instant.now().plusSeconds(900));
    assertThat(revocations.isRejected(jti, tenant, user, issued)).isTrue();
  }

  @Test
  void aSuspensionAndTheReactivationAfterItArriveInOrder() {
    UUID suspended = UUID.randomUUID();
    elsewhere.suspendTenant(suspended);
    elsewhere.reactivateTenant(suspended);
    UUID marker = UUID.randomUUID();
    elsewhere.suspendTenant(marker);
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> Boolean.TRUE.equals(mirror.isRejected(null, marker.toString(), user, issued)));
    assertThat(mirror.isRejected(null, suspended.toString(), user, issued)).isFalse();
    elsewhere.reactivateTenant(marker);
    await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () -> Boolean.FALSE.equals(mirror.isRejected(null, marker.toString(), user, issued)));
  }

  @Test
  void aNewCopyStartsWithWhatRedisAlreadyHolds() throws Exception {
    String jti = UUID.randomUUID().toString();
    UUID suspended = UUID.randomUUID();
    UUID cutOff = UUID.randomUUID();
    elsewhere.revokeToken(jti, Instant.now().plusSeconds(900));
    elsewhere.suspendTenant(suspended);
    elsewhere.revokeUserTokensIssuedBefore(cutOff, Instant.now().minusSeconds(10));
    DenyListMirror fresh = newCopy(redis.getRequiredConnectionFactory(), Duration.ofSeconds(3));
    try {
      assertThat(fresh.isRejected(jti, tenant, user, issued)).isNull();
      await().atMost(Duration.ofSeconds(10)).until(fresh::isComplete);
      assertThat(fresh.isRejected(jti, tenant, user, issued)).isTrue();
      assertThat(fresh.isRejected(null, suspended.toString(), user, issued)).isTrue();
      assertThat(fresh.isRejected(null, tenant, cutOff.toString(), issued)).isTrue();
      assertThat(fresh.isRejected(UUID.randomUUID().toString(), tenant, user, issued)).isFalse();
    } finally {
      elsewhere.reactivateTenant(suspended);
      fresh.destroy();
    }
  }

  @Test
  void aChangeMessageItCannotReadMakesTheCopyStopAnsweringUntilReloaded() {
    // It may be answering again within milliseconds (its next heartbeat, then a reload), so what
    // is checked is that it stopped, not that it is seen stopped.
    long losses = mirror.losses();
    redis.convertAndSend(mirror.channel(), "cutoff " + user);
    await().atMost(Duration.ofSeconds(2)).until(() -> mirror.losses() > losses);
    await().atMost(Duration.ofSeconds(10)).until(mirror::isComplete);
  }

  @Test
  void aChangeWhoseMessageWasNeverSentArrivesWithTheNextResync() throws Exception {
    DenyListMirror copy =
        newCopy(
            redis.getRequiredConnectionFactory(), Duration.ofSeconds(3), Duration.ofMillis(300));
    try {
      await().atMost(Duration.ofSeconds(10)).until(copy::isComplete);
      // As if the writer had failed between its write and its message.
      String jti = revokedWithoutAMessage();
      assertThat(copy.isRejected(jti, tenant, user, issued)).isFalse();
      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> Boolean.TRUE.equals(copy.isRejected(jti, tenant, user, issued)));
      assertThat(copy.isComplete()).isTrue();
    } finally {
      copy.destroy();
    }
  }

  @Test
  void whenItsSubscriptionIsCutOff_theCopyStopsAnsweringAtOnceAndReloadsWhenItIsBack()
      throws Exception {
    // A silence limit far longer than the test waits: only the dropped connection can stop the
    // copy here.
    DenyListMirror copy =
        newCopy(
            redis.getRequiredConnectionFactory(), Duration.ofSeconds(30), Duration.ofMinutes(5));
    try {
      await().atMost(Duration.ofSeconds(15)).until(copy::isComplete);
      // Only a reload can bring this into the copy.
      String jti = revokedWithoutAMessage();
      assertThat(copy.isRejected(jti, tenant, user, issued)).isFalse();
      long losses = copy.losses();
      long sharedLosses = mirror.losses();
      killSubscriptions();
      await().atMost(Duration.ofSeconds(2)).until(() -> copy.losses() > losses);
      await().atMost(Duration.ofSeconds(15)).until(copy::isComplete);
      // The application's copy was cut off too: back in order before the next test.
      await().atMost(Duration.ofSeconds(2)).until(() -> mirror.losses() > sharedLosses);
      await().atMost(Duration.ofSeconds(15)).until(mirror::isComplete);
      assertThat(copy.isRejected(jti, tenant, user, issued)).isTrue();
    } finally {
      copy.destroy();
    }
  }

  @Test
  void whenChangeMessagesStopArriving_theCopyStopsAnsweringAndRedisIsAskedAgain() throws Exception {
    // The copy's subscription runs on its own connections; closing them is a subscription that
    // died without a word, while Redis itself still answers.
    LettuceConnectionFactory own = lettuceFactoryLike(redis);
    DenyListMirror copy = newCopy(own, Duration.ofMillis(400));
    try {
      await().atMost(Duration.ofSeconds(10)).until(copy::isComplete);
      own.destroy();
      await().atMost(Duration.ofSeconds(3)).until(() -> !copy.isComplete());
      String jti = UUID.randomUUID().toString();
      assertThat(copy.isRejected(jti, tenant, user, issued)).isNull();
      TokenRevocations withSilentCopy = new TokenRevocations(redis, Duration.ofSeconds(60), copy);
      elsewhere.revokeToken(jti, Instant.now().plusSeconds(900));
      assertThat(withSilentCopy.isRejected(jti, tenant, user, issued)).isTrue();
    } finally {
      copy.destroy();
    }
  }

  /** A token revoked in Redis behind every writer's back: no change message announces it. */
  private String revokedWithoutAMessage() {
    String jti = UUID.randomUUID().toString();
    redis.opsForValue().set(DenyList.revokedTokenKey(jti), "1", Duration.ofMinutes(5));
    return jti;
  }

  private DenyListMirror newCopy(RedisConnectionFactory subscriptions, Duration silenceLimit) {
    return newCopy(subscriptions, silenceLimit, Duration.ofSeconds(60));
  }

  private DenyListMirror newCopy(
      RedisConnectionFactory subscriptions, Duration silenceLimit, Duration resync) {
    return new DenyListMirror(
        redis,
        subscriptions,
        clientResources,
        mirror.channel(),
        Clock.systemUTC(),
        Duration.ofMillis(100),
        silenceLimit,
        resync,
        Duration.ofSeconds(60));
  }

  /** What a network failure does to every subscriber: its connection is gone. */
  private void killSubscriptions() {
    LettuceConnectionFactory shared =
        (LettuceConnectionFactory) redis.getRequiredConnectionFactory();
    RedisClient client =
        RedisClient.create(
            RedisURI.builder().withHost(shared.getHostName()).withPort(shared.getPort()).build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
    } finally {
      client.shutdown();
    }
  }

  private static LettuceConnectionFactory lettuceFactoryLike(StringRedisTemplate redis) {
    LettuceConnectionFactory shared =
        (LettuceConnectionFactory) redis.getRequiredConnectionFactory();
    RedisStandaloneConfiguration config =
        new RedisStandaloneConfiguration(shared.getHostName(), shared.getPort());
    config.setDatabase(shared.getDatabase());
    LettuceConnectionFactory own = new LettuceConnectionFactory(config);
    own.afterPropertiesSet();
    own.start();
    return own;
  }
}
