package com.chosencrm.gateway.admission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What this instance may decide without Redis for a short while (ADR 0009): tokens the deny-list
 * let through lately, and rate-limit tokens taken from a bucket ahead of time (a lease).
 *
 * <p>A lease is a few tokens of the bucket in Redis, taken there in one go like any other tokens,
 * so instances together never let more through than the bucket holds. Tokens left when a lease
 * lapses are lost, not given back: a lease is at most a tenth of a second of the bucket's refill
 * and of a tenth of its burst, and a bucket with less than that (sign-in, anonymous calls) is taken
 * from one token per request, exactly as without leases.
 */
final class LocalAdmissions {

  /**
   * Entries kept before lapsed ones are swept out (each is a key and two numbers), at most once a
   * second, so a map of that many fresh entries is not scanned on every request.
   */
  private static final int SWEEP_ABOVE = 50_000;

  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

  private static final int MAX_LEASE = 100;

  private final long recheckNanos;
  private final long leaseNanos;
  private final LongSupplier clock;
  private final Map<String, Long> clearedAt = new ConcurrentHashMap<>();
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  LocalAdmissions(AdmissionProperties properties, LongSupplier nanoClock) {
    this.recheckNanos = properties.denyListRecheck().toNanos();
    this.leaseNanos = properties.leaseFor().toNanos();
    this.clock = nanoClock;
    this.nextSweep = new AtomicLong(nanoClock.getAsLong());
  }

  private record Lease(AtomicInteger remaining, long until) {}

  /** Whether the deny-list let this token through within the recheck time. */
  boolean isCleared(String token) {
    Long at = clearedAt.get(token);
    return at != null && clock.getAsLong() - at < recheckNanos;
  }

  void cleared(String token) {
    if (recheckNanos > 0) {
      long now = clock.getAsLong();
      if (clearedAt.size() > SWEEP_ABOVE && timeToSweep(now)) {
        clearedAt.values().removeIf(at -> now - at >= recheckNanos);
      }
      clearedAt.put(token, now);
    }
  }

  /** How many tokens and leases are remembered (lapsed ones until the next sweep). */
  int entries() {
    return clearedAt.size() + leases.size();
  }

  private boolean timeToSweep(long now) {
    long next = nextSweep.get();
    return now - next >= 0 && nextSweep.compareAndSet(next, now + SWEEP_EVERY_NANOS);
  }

  /** Takes a token from this instance's lease on the bucket, if it holds one. */
  boolean takeLeased(String bucket) {
    Lease lease = leases.get(bucket);
    return lease != null
        && clock.getAsLong() - lease.until() < 0
        && lease.remaining().getAndDecrement() > 0;
  }

  /** How many tokens to take from the bucket when this instance has none left. */
  int leaseSize(RateLimitProperties.Bucket limits) {
    if (leaseNanos <= 0) {
      return 1;
    }
    double size =
        Math.min(MAX_LEASE, Math.min(limits.refillPerSecond() / 10, limits.capacity() / 10.0));
    return Math.max(1, (int) size);
  }

  /**
   * Keeps {@code tokens} taken from the bucket for the next requests, with what is left of a lease
   * still running (requests that found the lease empty at the same moment each took their own).
   */
  void leased(String bucket, int tokens) {
    if (tokens <= 0 || leaseNanos <= 0) {
      return;
    }
    long now = clock.getAsLong();
    if (leases.size() > SWEEP_ABOVE && timeToSweep(now)) {
      leases.values().removeIf(lease -> now - lease.until() >= 0);
    }
    leases.compute(
        bucket,
        (key, lease) -> {
          if (lease == null || now - lease.until() >= 0) {
            return new Lease(new AtomicInteger(tokens), now + leaseNanos);
          }
          // A failed take leaves the count below zero.
          lease.remaining().updateAndGet(left -> Math.max(left, 0) + tokens);
          return new Lease(lease.remaining(), now + leaseNanos);
        });
  }
}
