package com.chosencrm.lead.bench;

import com.chosencrm.localinfra.EmbeddedPostgres;
import com.chosencrm.localinfra.EmbeddedRedis;
import com.chosencrm.testsupport.tokens.TestJwks;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lead-service as a separate JVM ({@code -Xmx256m}, GC log on) over embedded PostgreSQL 17 and
 * Redis, with the test JWKS and a stand-in user-service: what the benchmarks measure against. Not a
 * test; run through {@code bench/*.sh}.
 */
final class BenchPlatform implements AutoCloseable {

  static final String DATABASE = "bench";

  final Path work;
  final EmbeddedPostgres postgres;
  final EmbeddedRedis redis;
  final HttpServer userService;
  final Process service;
  final Path gcLog;
  final String baseUrl;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BenchPlatform(
      Path work,
      EmbeddedPostgres postgres,
      EmbeddedRedis redis,
      HttpServer userService,
      Process service,
      Path gcLog,
      String baseUrl) {
    this.work = work;
    this.postgres = postgres;
    this.redis = redis;
    this.userService = userService;
    this.service = service;
    this.gcLog = gcLog;
    this.baseUrl = baseUrl;
  }

  static BenchPlatform start(String heap) throws Exception {
    // Readable by others: as root, PostgreSQL runs as 'nobody' and must reach its data folder.
    Path work =
        Files.createTempDirectory(
            "lead-bench",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    System.out.println("Starting PostgreSQL 17 and Redis (embedded) ...");
    EmbeddedPostgres postgres = EmbeddedPostgres.start(work.resolve("pg"), 0, false);
    postgres.createDatabase(DATABASE);
    EmbeddedRedis redis = EmbeddedRedis.start(0, null);
    String jwks = TestJwks.uri();
    HttpServer userService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    userService.createContext(
        "/api/settings/custom-fields",
        exchange -> {
          byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
          if (exchange.getRequestURI().getPath().endsWith("/validate")) {
            body = "{\"entity\":\"LEAD\",\"values\":{}}".getBytes(StandardCharsets.UTF_8);
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    userService.createContext(
        "/api/settings/features",
        exchange -> {
          byte[] body =
              "[{\"key\":\"leadImport\",\"value\":true}]".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    userService.start();
    int port = EmbeddedPostgres.freePort();
    Path gcLog = work.resolve("gc.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    // As the service's container runs it (docker/service.Dockerfile): the serial collector, which
    // on a 256 MB heap spends less CPU than G1's concurrent marking threads.
    command.add("-XX:+UseSerialGC");
    command.add("-Xlog:gc:file=" + gcLog);
    // Diagnosis, e.g. BENCH_SERVICE_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/x.jfr".
    String jvmOptions = System.getenv("BENCH_SERVICE_JVM_OPTS");
    if (jvmOptions != null && !jvmOptions.isBlank()) {
      command.addAll(List.of(jvmOptions.strip().split("\\s+")));
    }
    command.add("-cp");
    command.add(System.getProperty("bench.service.classpath"));
    command.add("com.chosencrm.lead.LeadServiceApplication");
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + postgres.jdbcUrl(DATABASE));
    command.add("--spring.datasource.username=" + postgres.username());
    command.add("--spring.datasource.password=");
    command.add("--spring.data.redis.host=127.0.0.1");
    command.add("--spring.data.redis.port=" + redis.port());
    command.add("--chosencrm.security.jwk-set-uri=" + jwks);
    command.add(
        "--chosencrm.leads.user-service.url=http://127.0.0.1:"
            + userService.getAddress().getPort());
    command.add("--chosencrm.import.storage-dir=" + work.resolve("imports"));
    command.add("--chosencrm.logging.structured=false");
    command.add("--logging.level.root=WARN");
    command.add("--logging.level.com.chosencrm.lead.importing=INFO");
    // Settings to compare, e.g. BENCH_SERVICE_ARGS="--chosencrm.import.batch-size=5000".
    String serviceArgs = System.getenv("BENCH_SERVICE_ARGS");
    if (serviceArgs != null && !serviceArgs.isBlank()) {
      command.addAll(List.of(serviceArgs.strip().split("\\s+")));
    }
    if (System.getenv("BENCH_DEBUG") != null) {
      command.add("--logging.level.com.chosencrm.lead.lead.LeadImportWriter=DEBUG");
      command.add("--logging.level.com.chosencrm.lead.importing.ImportRunner=DEBUG");
    }
    Process service =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("service.log").toFile())
            .start();
    String baseUrl = "http://127.0.0.1:" + port;
    BenchPlatform platform =
        new BenchPlatform(work, postgres, redis, userService, service, gcLog, baseUrl);
    platform.awaitHealthy();
    return platform;
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    System.out.println("Starting lead-service (log: " + work.resolve("service.log") + ") ...");
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException(
            "lead-service exited:\n" + Files.readString(work.resolve("service.log")));
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("lead-service did not become healthy");
  }

  Connection connect() throws SQLException {
    Connection connection = postgres.connect(DATABASE);
    try (var statement = connection.createStatement()) {
      statement.execute("set search_path = lead_management, public");
    }
    return connection;
  }

  String adminToken(UUID userId, UUID tenantId) {
    return TestTokens.user(userId, tenantId).roles("ADMIN").lifetime(Duration.ofHours(2)).sign();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String token, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(String path, String token, Path file) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * From the service's GC log: the most heap in use when a collection started (what -Xmx has to
   * hold), and the most still in use after one (the live data).
   */
  long[] heapMb() throws IOException {
    Pattern sizes = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    long before = 0;
    long after = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = sizes.matcher(line);
      if (m.find()) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    return new long[] {before, after};
  }

  /**
   * CPU time used so far, in milliseconds, from /proc (Linux only; zeros elsewhere): {the service's
   * JVM, PostgreSQL (the postmaster, its live backends and the ones it has reaped)}. Less sensitive
   * to other load on the machine than wall-clock rates.
   */
  long[] cpuMillis() {
    try {
      long service = ticks(this.service.pid(), false);
      long postmaster =
          Long.parseLong(
              Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).get(0).strip());
      long postgres = ticks(postmaster, true);
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.toList()) {
          String name = proc.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            String[] stat = stat(Long.parseLong(name));
            if (stat != null && Long.parseLong(stat[1]) == postmaster) {
              postgres += ticks(Long.parseLong(name), false);
            }
          }
        }
      }
      long perTick = 1000 / CLOCK_TICKS;
      return new long[] {service * perTick, postgres * perTick};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static final long CLOCK_TICKS = 100;

  /** CPU milliseconds of each of the service's threads ("name/tid"), for diagnosis. */
  java.util.Map<String, Long> threadCpuMillis() {
    java.util.Map<String, Long> threads = new java.util.HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(service.pid()), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String line = Files.readString(task.resolve("stat"));
          String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          threads.put(name + "/" + task.getFileName(), ticks * (1000 / CLOCK_TICKS));
        } catch (IOException | RuntimeException gone) {
          // the thread ended
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return threads;
  }

  /** The threads that used the most CPU between two {@link #threadCpuMillis()}, by kind. */
  static String busiestThreads(
      java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
    java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
    after.forEach(
        (thread, millis) -> {
          // "C2 CompilerThre/123" and "GC Thread#1/124" count by kind, not one by one.
          String kind = thread.substring(0, thread.lastIndexOf('/')).replaceAll("[#-]?\\d+$", "");
          byKind.merge(kind, millis - before.getOrDefault(thread, 0L), Long::sum);
        });
    StringBuilder text = new StringBuilder();
    byKind.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> text.append(String.format("    %-20s %,7d ms%n", e.getKey(), e.getValue())));
    return text.toString();
  }

  /** The 1, 5 and 15 minute load averages (Linux), to read the figures by. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The fields of /proc/pid/stat after the command name: [0] is the state, [1] the parent. */
  private static String[] stat(long pid) {
    try {
      String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException gone) {
      return null;
    }
  }

  private static long ticks(long pid, boolean withReapedChildren) {
    String[] stat = stat(pid);
    if (stat == null) {
      return 0;
    }
    // utime, stime, cutime, cstime are fields 14-17 of the line, 11-14 here.
    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    if (withReapedChildren) {
      ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }
    return ticks;
  }

  @Override
  public void close() {
    service.destroy();
    try {
      service.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    userService.stop(0);
    redis.close();
    postgres.close();
  }

  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
