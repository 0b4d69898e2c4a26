package com.chosencrm.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets of the local platform, generated on first run and kept in the (git-ignored) data folder
 * so that data encrypted with them stays readable across restarts.
 */
final class LocalSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Properties values = new Properties();

  static LocalSecrets loadOrCreate(Path file) throws IOException {
    LocalSecrets secrets = new LocalSecrets();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        secrets.values.load(in);
      }
    }
    boolean changed = false;
    changed |= secrets.ensure("KEY_ENCRYPTION_KEY", () -> randomBase64(32));
    changed |= secrets.ensure("PLATFORM_ADMIN_PASSWORD", LocalSecrets::operatorPassword);
    if (changed) {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file)) {
        secrets.values.store(out, "Local-only secrets of bin/run. Never commit.");
      }
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return secrets;
  }

  String get(String key) {
    return values.getProperty(key);
  }

  private boolean ensure(String key, java.util.function.Supplier<String> generator) {
    if (values.getProperty(key) != null) {
      return false;
    }
    values.setProperty(key, generator.get());
    return true;
  }

  /** Random, and always within user-service's password policy (letters and digits, 12+). */
  static String operatorPassword() {
    String letters = randomBase64(12).replaceAll("[^A-Za-z]", "");
    return "Op" + letters + "-" + (1000 + RANDOM.nextInt(9000));
  }

  private static String randomBase64(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
