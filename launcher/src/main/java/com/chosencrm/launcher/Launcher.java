package com.chosencrm.launcher;

import com.chosencrm.localinfra.EmbeddedPostgres;
import com.chosencrm.localinfra.EmbeddedRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on one machine: embedded PostgreSQL 17 and Redis, every service module as its
 * own process on its port, the gateway, and a seeded demo tenant. Ctrl-C stops everything; data
 * stays in {@code .local/} until {@code --reset}.
 */
public final class Launcher {

  static final int POSTGRES_PORT = intEnv("CHOSENCRM_POSTGRES_PORT", 15432);
  static final int REDIS_PORT = intEnv("CHOSENCRM_REDIS_PORT", 16379);
  static final String DATABASE = "chosencrm";
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(intEnv("CHOSENCRM_START_TIMEOUT", 180));

  private final Path root;
  private final Path data;
  private final List<Process> processes = new ArrayList<>();
  private EmbeddedPostgres postgres;
  private EmbeddedRedis redis;

  private Launcher(Path root, Path data) {
    this.root = root;
    this.data = data;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("chosencrm.root", ".")).toAbsolutePath().normalize();
    String dataOverride = System.getenv("CHOSENCRM_DATA_DIR");
    Path data =
        dataOverride == null || dataOverride.isBlank()
            ? root.resolve(".local")
            : Path.of(dataOverride).toAbsolutePath();
    boolean reset = List.of(args).contains("--reset");
    boolean noSeed = List.of(args).contains("--no-seed");
    if (reset) {
      System.out.println("Resetting local data in " + data);
      deleteRecursively(data);
    }
    Launcher launcher = new Launcher(root, data);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launcher.stop();
                  stopped.countDown();
                },
                "chosencrm-stop"));
    try {
      launcher.start(!noSeed);
    } catch (Exception e) {
      System.err.println("\nStart failed: " + e.getMessage());
      System.err.println("Logs are in " + data.resolve("logs"));
      System.exit(1);
    }
    stopped.await();
  }

  private void start(boolean seed) throws Exception {
    Instant began = Instant.now();
    List<ServiceModule> modules = ServiceModule.discover(root);
    Files.createDirectories(data.resolve("logs"));
    LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));

    System.out.println("Starting PostgreSQL 17 on 127.0.0.1:" + POSTGRES_PORT);
    postgres = EmbeddedPostgres.start(data.resolve("postgres"), POSTGRES_PORT, true);
    postgres.createDatabase(DATABASE);
    System.out.println("Starting Redis on 127.0.0.1:" + REDIS_PORT);
    redis = EmbeddedRedis.start(REDIS_PORT, data.resolve("redis"));

    Map<String, String> environment = sharedEnvironment(modules, secrets);
    Map<ServiceModule, CompletableFuture<Duration>> ready = new LinkedHashMap<>();
    for (ServiceModule module : modules) {
      Path jar =
          module
              .jar()
              .orElseThrow(
                  () -> new IllegalStateException(module.name() + " is not built; run bin/run"));
      Process process = launch(module, jar, environment);
      processes.add(process);
      ready.put(module, waitUntilReady(module, process));
    }
    for (var entry : ready.entrySet()) {
      Duration took = entry.getValue().join();
      System.out.printf(
          "  %-22s http://localhost:%d  ready in %ds%n",
          entry.getKey().name(), entry.getKey().port(), took.toSeconds());
    }

    ServiceModule entry =
        modules.stream().filter(ServiceModule::isGateway).findFirst().orElse(modules.getFirst());
    String url = "http://localhost:" + entry.port();
    DemoTenantSeeder.Result demo = null;
    if (seed) {
      ServiceModule users =
          modules.stream().filter(ServiceModule::isUserService).findFirst().orElseThrow();
      demo = new DemoTenantSeeder("http://127.0.0.1:" + users.port()).seed();
    }
    System.out.println();
    System.out.printf(
        "ChosenCRM is running (%d services, started in %ds): %s%n",
        modules.size(), Duration.between(began, Instant.now()).toSeconds(), url);
    if (demo != null) {
      System.out.println(demo.describe());
    }
    System.out.println(
        "Platform operator: operator@chosencrm.local / " + secrets.get("PLATFORM_ADMIN_PASSWORD"));
    System.out.println("Logs: " + data.resolve("logs") + "   Stop: Ctrl-C");
  }

  private Map<String, String> sharedEnvironment(List<ServiceModule> modules, LocalSecrets secrets) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "local");
    env.put("DB_URL", postgres.jdbcUrl(DATABASE));
    env.put("DB_USERNAME", postgres.username());
    env.put("DB_PASSWORD", "");
    env.put("REDIS_HOST", "127.0.0.1");
    env.put("REDIS_PORT", String.valueOf(REDIS_PORT));
    env.put("KEY_ENCRYPTION_KEY", secrets.get("KEY_ENCRYPTION_KEY"));
    env.put("PLATFORM_ADMIN_EMAIL", "operator@chosencrm.local");
    env.put("PLATFORM_ADMIN_PASSWORD", secrets.get("PLATFORM_ADMIN_PASSWORD"));
    for (ServiceModule module : modules) {
      // e.g. USER_SERVICE_URL=http://127.0.0.1:8081, read by the gateway and service clients.
      env.put(
          module.name().toUpperCase().replace('-', '_') + "_URL",
          "http://127.0.0.1:" + module.port());
    }
    Path spa = root.resolve("frontend/dist");
    if (Files.isDirectory(spa)) {
      env.put("SPA_LOCATION", spa.toUri().toString());
    }
    return env;
  }

  private Process launch(ServiceModule module, Path jar, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xms32m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m",
            // C1 only: a local run wants a quick start and a small footprint more than peak speed.
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(module.directory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("logs").resolve(module.name() + ".log").toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(module.port()));
    return builder.start();
  }

  private CompletableFuture<Duration> waitUntilReady(ServiceModule module, Process process) {
    Instant began = Instant.now();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + module.port() + "/actuator/health/readiness");
    return CompletableFuture.supplyAsync(
        () -> {
          while (Duration.between(began, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  module.name()
                      + " stopped while starting (exit "
                      + process.exitValue()
                      + "); see "
                      + data.resolve("logs").resolve(module.name() + ".log"));
            }
            try {
              HttpResponse<Void> response =
                  http.send(
                      HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                      HttpResponse.BodyHandlers.discarding());
              if (response.statusCode() == 200) {
                return Duration.between(began, Instant.now());
              }
            } catch (IOException e) {
              // not listening yet
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            sleep(500);
          }
          throw new IllegalStateException(
              module.name() + " did not become ready in " + START_TIMEOUT.toSeconds() + " s");
        });
  }

  private synchronized void stop() {
    if (!processes.isEmpty()) {
      System.out.println("\nStopping services...");
    }
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
    processes.clear();
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
