package com.chosencrm.common.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): every primary key and event id on the platform. Ordered
 * keys keep B-tree inserts at the right edge and double as a creation-order tie-breaker in keyset
 * pagination. Within one JVM they are strictly increasing, also within a millisecond (a 12-bit
 * counter in {@code rand_a}, RFC 9562 method 1), so an outbox ordered by id keeps the order in
 * which events were written.
 */
public final class UuidV7 {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_SEQUENCE = 0xFFF;

  private static long lastMillis = -1;
  private static int sequence;

  private UuidV7() {}

  public static UUID next() {
    long millis;
    int seq;
    synchronized (UuidV7.class) {
      millis = Math.max(System.currentTimeMillis(), lastMillis);
      if (millis == lastMillis) {
        if (sequence == MAX_SEQUENCE) {
          millis++; // borrow the next millisecond rather than repeat or go back
          sequence = RANDOM.nextInt(0x200);
        } else {
          sequence++;
        }
      } else {
        // Start low and random so ids are not guessable but leave room to count up.
        sequence = RANDOM.nextInt(0x200);
      }
      lastMillis = millis;
      seq = sequence;
    }
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    long msb = (millis << 16) | 0x7000L | seq;
    long lsb = 0x8000000000000000L | ((random[0] & 0x3FL) << 56);
    for (int i = 1; i < 8; i++) {
      lsb |= (random[i] & 0xFFL) << (8 * (7 - i));
    }
    return new UUID(msb, lsb);
  }
}
