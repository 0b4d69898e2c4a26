package com.chosencrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTests {

  @TempDir Path dir;

  /** user-service refuses to start with an operator password outside its policy. */
  @RepeatedTest(200)
  void operatorPasswordAlwaysMeetsThePasswordPolicy() {
    String password = LocalSecrets.operatorPassword();
    assertThat(password.length()).isGreaterThanOrEqualTo(12);
    assertThat(password).containsPattern("[A-Za-z]").containsPattern("[0-9]");
    assertThat(password.toLowerCase()).doesNotContain("operator");
  }

  @Test
  void secretsAreKeptAcrossRuns() throws Exception {
    Path file = dir.resolve("secrets.properties");
    LocalSecrets first = LocalSecrets.loadOrCreate(file);
    LocalSecrets second = LocalSecrets.loadOrCreate(file);
    assertThat(second.get("KEY_ENCRYPTION_KEY")).isEqualTo(first.get("KEY_ENCRYPTION_KEY"));
    assertThat(second.get("PLATFORM_ADMIN_PASSWORD"))
        .isEqualTo(first.get("PLATFORM_ADMIN_PASSWORD"));
  }
}
