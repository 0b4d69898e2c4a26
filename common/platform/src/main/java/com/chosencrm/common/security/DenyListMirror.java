package com.chosencrm.common.security;

import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import reactor.core.Disposable;

/**
 * This instance's copy of the Redis deny-list (ADR 0010), so that checking a token needs no round
 * trip to Redis: loaded from Redis, then kept current by the change messages every writer ({@link
 * TokenRevocations}) publishes on {@link DenyList#changesChannel} right after its write.
 *
 * <p>It answers only while it is known to be complete; otherwise {@link #isRejected} returns {@code
 * null} and the caller asks Redis, as it did before the copy existed. It stops answering when any
 * Redis connection of this instance drops and is reconnected (a change message may have been lost
 * with it), and when its own heartbeat, published every {@code heartbeat} on the same channel, has
 * not come back for {@code silence-limit} (a connection that died without saying so). It answers
 * again after the next heartbeat has come back and the whole deny-list has been read anew. It is
 * also read anew every {@code resync}, for a change whose message was never sent.
 */
public class DenyListMirror implements MessageListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DenyListMirror.class);

  private final StringRedisTemplate redis;
  private final String channel;
  private final Clock clock;
  private final Duration keepFor;
  private final Duration silenceLimit;
  private final Duration resync;
  private final String instance = UUID.randomUUID().toString();
  private final RedisMessageListenerContainer container;
  private final ScheduledExecutorService ticks;
  private final ExecutorService delivery;
  private final Disposable reconnects;

  /** jti -> epoch second until which it is kept (the token cannot live longer). */
  private volatile Map<String, Long> revoked = new ConcurrentHashMap<>();

  /** user id -> epoch second at or before which the user's tokens are refused. */
  private volatile Map<String, Long> cutoffs = new ConcurrentHashMap<>();

  private volatile Set<String> suspended = ConcurrentHashMap.newKeySet();

  /** Counts the moments completeness was lost; a reload counts only if none came during it. */
  private final AtomicLong losses = new AtomicLong();

  private volatile boolean complete;

  /** When this instance's heartbeat last came back, and when completeness was last lost. */
  private volatile long heardAt;

  private volatile long lostAt;

  private volatile long reloadedAt;

  /** The changes applied while a reload scans, to apply again to what it read; else null. */
  private List<String> arrivedDuringReload;

  public DenyListMirror(
      StringRedisTemplate redis,
      RedisConnectionFactory connections,
      ClientResources clientResources,
      String channel,
      Clock clock,
      Duration heartbeat,
      Duration silenceLimit,
      Duration resync,
      Duration clockSkew) {
    this.redis = redis;
    this.clock = clock;
    this.channel = channel;
    this.keepFor = DenyList.MAX_ACCESS_TOKEN_LIFETIME.plus(clockSkew);
    this.silenceLimit = silenceLimit;
    this.resync = resync;
    this.heardAt = System.nanoTime() - silenceLimit.toNanos();
    this.lostAt = heardAt;
    this.reconnects =
        clientResources == null
            ? null
            : clientResources
                .eventBus()
                .get()
                // A connection that dropped without being closed is reconnected; one closed on
                // purpose (a blocking stream read's own connection, every few seconds) is not.
                .filter(
                    e -> e instanceof ReconnectAttemptEvent || e instanceof ReconnectFailedEvent)
                .subscribe(event -> lose("a Redis connection dropped"));
    this.container = new RedisMessageListenerContainer();
    container.setConnectionFactory(connections);
    // One thread delivers the messages, in the order Redis sent them (a suspension and the
    // reactivation after it must not swap).
    this.delivery =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("deny-list-changes").daemon().factory());
    container.setTaskExecutor(delivery);
    container.addMessageListener(this, new ChannelTopic(channel));
    container.afterPropertiesSet();
    container.start();
    this.ticks =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("deny-list-mirror").daemon().factory());
    long period = heartbeat.toMillis();
    ticks.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the token must be refused, or {@code null} when this copy cannot tell (it is being
   * loaded, or may have missed a change): then Redis must be asked.
   */
  public Boolean isRejected(String tokenId, String tenantId, String userId, Instant issuedAt) {
    if (!complete) {
      return null;
    }
    if (tokenId != null && revoked.containsKey(tokenId)) {
      return true;
    }
    if (tenantId != null && suspended.contains(tenantId)) {
      return true;
    }
    Long cutoff = userId == null ? null : cutoffs.get(userId);
    return cutoff != null && DenyList.isCutOff(cutoff, issuedAt);
  }

  String channel() {
    return channel;
  }

  /** How many times the copy has had to stop answering since it started. */
  long losses() {
    return losses.get();
  }

  /** Whether the copy answers now (for health and tests). */
  public boolean isComplete() {
    return complete;
  }

  /** The change messages: {@code <kind> <id> [<epoch second>]}. */
  static String revokedMessage(String tokenId) {
    return "revoked " + tokenId;
  }

  static String cutoffMessage(Object userId, Instant cutoff) {
    return "cutoff " + userId + " " + cutoff.getEpochSecond();
  }

  static String suspendedMessage(Object tenantId) {
    return "suspended " + tenantId;
  }

  static String reactivatedMessage(Object tenantId) {
    return "reactivated " + tenantId;
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    String text = new String(message.getBody(), StandardCharsets.UTF_8);
    if (text.equals("heartbeat " + instance)) {
      heardAt = System.nanoTime();
      return;
    }
    apply(text);
  }

  /**
   * Applies a change: from its message, or at once by the instance that made it ({@link
   * TokenRevocations}), before its message comes back.
   */
  synchronized void apply(String change) {
    if (arrivedDuringReload != null) {
      arrivedDuringReload.add(change);
    }
    applyTo(change, revoked, cutoffs, suspended);
  }

  private void applyTo(
      String change, Map<String, Long> revoked, Map<String, Long> cutoffs, Set<String> suspended) {
    String[] parts = change.split(" ");
    long now = clock.instant().getEpochSecond();
    try {
      switch (parts[0]) {
        case "revoked" -> revoked.put(parts[1], now + keepFor.toSeconds());
        case "cutoff" -> cutoffs.merge(parts[1], Long.parseLong(parts[2]), Math::max);
        case "suspended" -> suspended.add(parts[1]);
        case "reactivated" -> suspended.remove(parts[1]);
        default -> {
          // Another instance's heartbeat, or a kind this version does not know.
        }
      }
    } catch (RuntimeException e) {
      // A change this copy cannot read is a change it may be missing: read everything anew.
      lose("a change message could not be read: " + change);
    }
  }

  private void lose(String why) {
    losses.incrementAndGet();
    lostAt = System.nanoTime();
    if (complete) {
      complete = false;
      log.warn("Deny-list copy suspended ({}); asking Redis on every request until reloaded", why);
    }
  }

  private void tick() {
    try {
      if (System.nanoTime() - heardAt > silenceLimit.toNanos()) {
        lose("its heartbeat did not come back for " + silenceLimit.toMillis() + " ms");
      }
      redis.convertAndSend(channel, "heartbeat " + instance);
      // After a loss, only once a heartbeat has come back since: the subscription works again, so
      // no change after the reload's scan can be missed. And every resync period anyway: a change
      // whose message was never sent (its writer failed between the write and the message) is in
      // Redis, and reaches the copy then.
      if (!complete && heardAt - lostAt > 0
          || complete && System.nanoTime() - reloadedAt > resync.toNanos()) {
        reload();
      }
      purge();
    } catch (RuntimeException e) {
      lose("Redis could not be reached: " + e.getMessage());
    }
  }

  /**
   * Reads the whole deny-list. Runs once the subscription is known to work (a heartbeat came back),
   * so every change after the scan starts arrives as a message; those that arrive during the scan
   * are applied again, in order, to what it read.
   */
  private void reload() {
    long lossesBefore = losses.get();
    synchronized (this) {
      arrivedDuringReload = new ArrayList<>();
    }
    try {
      reload(lossesBefore);
    } finally {
      synchronized (this) {
        arrivedDuringReload = null;
      }
    }
  }

  private void reload(long lossesBefore) {
    Map<String, Long> freshRevoked = new ConcurrentHashMap<>();
    Map<String, Long> freshCutoffs = new ConcurrentHashMap<>();
    Set<String> freshSuspended = ConcurrentHashMap.newKeySet();
    long until = clock.instant().getEpochSecond() + keepFor.toSeconds();
    for (String key : keys(DenyList.REVOKED_TOKEN_PREFIX)) {
      freshRevoked.put(key.substring(DenyList.REVOKED_TOKEN_PREFIX.length()), until);
    }
    for (String key : keys(DenyList.SUSPENDED_TENANT_PREFIX)) {
      freshSuspended.add(key.substring(DenyList.SUSPENDED_TENANT_PREFIX.length()));
    }
    List<String> cutoffKeys = keys(DenyList.USER_CUTOFF_PREFIX);
    List<String> values =
        cutoffKeys.isEmpty() ? List.of() : redis.opsForValue().multiGet(cutoffKeys);
    for (int k = 0; k < cutoffKeys.size(); k++) {
      if (values != null && values.get(k) != null) {
        freshCutoffs.put(
            cutoffKeys.get(k).substring(DenyList.USER_CUTOFF_PREFIX.length()),
            Long.parseLong(values.get(k)));
      }
    }
    synchronized (this) {
      // A key written while the scan ran may be missing from it: its change message is applied
      // again, in order (a reactivation then removes a suspension the scan saw before it).
      for (String change : arrivedDuringReload) {
        applyTo(change, freshRevoked, freshCutoffs, freshSuspended);
      }
      revoked = freshRevoked;
      cutoffs = freshCutoffs;
      suspended = freshSuspended;
      reloadedAt = System.nanoTime();
      if (losses.get() == lossesBefore && !complete) {
        complete = true;
        log.info(
            "Deny-list copy loaded: {} revoked tokens, {} user cut-offs, {} suspended tenants",
            freshRevoked.size(),
            freshCutoffs.size(),
            freshSuspended.size());
      }
    }
  }

  private List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    try (Cursor<String> cursor =
        redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
      cursor.forEachRemaining(keys::add);
    }
    return keys;
  }

  /** Forgets revoked tokens that can no longer pass the expiry check anyway. */
  private void purge() {
    long now = clock.instant().getEpochSecond();
    revoked.values().removeIf(until -> until < now);
    cutoffs.values().removeIf(cutoff -> cutoff + keepFor.toSeconds() < now);
  }

  @Override
  public void destroy() throws Exception {
    complete = false;
    ticks.shutdownNow();
    if (reconnects != null) {
      reconnects.dispose();
    }
    container.stop();
    container.destroy();
    delivery.shutdownNow();
  }
}
