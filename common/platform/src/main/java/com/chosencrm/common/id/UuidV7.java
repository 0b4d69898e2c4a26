package com.chosencrm.common.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): every primary key and event id on the platform. Ordered
 * keys keep B-tree inserts at the right edge and double as a creation-order tie-breaker in keyset
 * pagination.
 */
public final class UuidV7 {

  private static final SecureRandom RANDOM = new SecureRandom();

  private UuidV7() {}

  public static UUID next() {
    long millis = System.currentTimeMillis();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
    long lsb = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
    for (int i = 3; i < 10; i++) {
      lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(msb, lsb);
  }
}
