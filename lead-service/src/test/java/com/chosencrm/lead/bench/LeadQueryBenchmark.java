package com.chosencrm.lead.bench;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.paging.Cursor;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Search and list latency over a million leads of one tenant, generated in SQL (generate_series)
 * straight into lead_management, read through the running service by an admin (who sees them all,
 * the widest visibility).
 *
 * <ul>
 *   <li>{@code search}: {@code GET /api/leads/search?q=} with surnames, their first letters and
 *       phone digits (3+ characters); then the trigram indexes are dropped and the same kind of
 *       queries measured again.
 *   <li>{@code list}: {@code GET /api/leads} first page, and the page after the 900,000th lead by
 *       cursor.
 * </ul>
 */
public final class LeadQueryBenchmark {

  static final String[] FIRST = {
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Carlos",
    "Maria",
    "Wei",
    "Ana",
    "Omar",
    "Fatima",
    "Ada",
    "Grace",
    "Linus",
    "Hiro",
    "Priya",
    "Olga"
  };
  // Surnames made of three syllables: 8,000 of them, about 125 leads each.
  static final String[] SYLLABLES = {
    "ka", "lo", "mir", "ten", "ba", "sol", "ve", "drin", "po", "rak", "zu", "mel", "tor", "an",
    "qui", "ros", "fen", "dal", "ni", "gor"
  };
  static final String[] AREAS = {"201", "212", "305", "312", "415", "512", "617", "713", "818"};

  /**
   * Requests before measuring, so that the figures are those of a service (and a client) that has
   * been running: a fresh JVM interprets the request path for its first thousands of calls.
   * BENCH_WARMUP_REQUESTS overrides it.
   */
  static final int WARMUP_REQUESTS =
      Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_REQUESTS", "1500"));

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    // The test JWKS server's threads would keep the JVM alive.
    System.exit(0);
  }

  static void run(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "search";
    int leads = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    try (BenchPlatform platform = BenchPlatform.start("256m")) {
      UUID tenantId = UUID.randomUUID();
      UUID adminId = UuidV7.next();
      try (Connection db = platform.connect()) {
        generate(db, tenantId, adminId, leads);
      }
      String token = platform.adminToken(adminId, tenantId);
      if (mode.equals("list")) {
        list(platform, token, tenantId, leads);
      } else {
        search(platform, token, leads);
      }
    }
  }

  static void generate(Connection db, UUID tenantId, UUID adminId, int leads) throws Exception {
    System.out.printf("Generating %,d leads in SQL ...%n", leads);
    long t0 = System.nanoTime();
    UUID stage = UuidV7.next();
    try (Statement s = db.createStatement()) {
      s.execute(
          "insert into agent (user_id, tenant_id, email, first_name, last_name, roles) values ('"
              + adminId
              + "', '"
              + tenantId
              + "', 'admin@bench.test', 'Bench', 'Admin', '{ADMIN}')");
      s.execute(
          "insert into pipeline_stage (id, tenant_id, name, kind, position, created_at, updated_at)"
              + " values ('"
              + stage
              + "', '"
              + tenantId
              + "', 'New', 'OPEN', 0, now(), now())");
      s.execute(
          "insert into pipeline_stage (id, tenant_id, name, kind, position, created_at, updated_at)"
              + " values ('"
              + UuidV7.next()
              + "', '"
              + tenantId
              + "', 'Closed won', 'WON', 1, now(), now())");
      String first = "(array['" + String.join("','", FIRST) + "'])";
      String syllables = "(array['" + String.join("','", SYLLABLES) + "'])";
      String areas = "(array['" + String.join("','", AREAS) + "'])";
      s.execute(
          """
          insert into lead (id, tenant_id, first_name, last_name, email, email_normalized, phone,
                            phone_e164, source, stage_id, board_rank, created_at, created_by,
                            updated_at, updated_by)
          select md5(i::text || '%1$s')::uuid, '%1$s', f, l,
                 lower(f) || '.' || lower(l) || i || '@example.com',
                 lower(f) || '.' || lower(l) || i || '@example.com',
                 '(' || a || ') ' || x || '-' || n, '+1' || a || x || n,
                 (array['Zillow','Referral','Website','Facebook'])[1 + i %% 4], '%2$s', -i,
                 now() - make_interval(secs => i), '%3$s', now() - make_interval(secs => i), '%3$s'
            from generate_series(1, %4$d) as i,
                 lateral (select %5$s[1 + i %% %6$d] as f,
                                 initcap(%7$s[1 + i %% 20] || %7$s[1 + (i / 20) %% 20]
                                         || %7$s[1 + (i / 400) %% 20]) as l,
                                 %8$s[1 + i %% 9] as a,
                                 (200 + (i / 10000) %% 700)::text as x,
                                 lpad((i %% 10000)::text, 4, '0') as n) as v
          """
              .formatted(tenantId, stage, adminId, leads, first, FIRST.length, syllables, areas));
      s.execute("vacuum analyze lead");
      s.execute("checkpoint");
    }
    System.out.printf("  %.0f s%n", (System.nanoTime() - t0) / 1e9);
  }

  static List<String> searchTerms(int count, int leads) {
    return searchTerms(count, leads, 42);
  }

  static List<String> searchTerms(int count, int leads, long seed) {
    Random random = new Random(seed);
    List<String> terms = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int i = 1 + random.nextInt(leads);
      String surname = SYLLABLES[i % 20] + SYLLABLES[(i / 20) % 20] + SYLLABLES[(i / 400) % 20];
      terms.add(
          switch (k % 4) {
            case 0, 1 -> surname;
            case 2 -> surname.substring(0, Math.min(surname.length(), 5));
            default ->
                AREAS[i % 9].substring(1)
                    + (200 + (i / 10000) % 700)
                    + String.format("%04d", i % 10000).substring(0, 2);
          });
    }
    return terms;
  }

  static void search(BenchPlatform platform, String token, int leads) throws Exception {
    List<String> terms = searchTerms(400, leads);
    // Warmed with other terms than the measured ones.
    measure(platform, token, searchTerms(WARMUP_REQUESTS, leads, 7), "/api/leads/search?q=");
    List<Double> indexed = measure(platform, token, terms.subList(50, 400), "/api/leads/search?q=");
    System.out.println("Dropping the trigram index for the comparison ...");
    try (Connection db = platform.connect();
        Statement s = db.createStatement()) {
      s.execute("drop index lead_search_trgm_idx");
      s.execute("analyze lead");
    }
    measure(platform, token, terms.subList(0, 3), "/api/leads/search?q=");
    List<Double> unindexed =
        measure(platform, token, terms.subList(50, 80), "/api/leads/search?q=");
    double p95 = BenchPlatform.percentile(indexed, 95);
    double p95Without = BenchPlatform.percentile(unindexed, 95);
    double p50 = BenchPlatform.percentile(indexed, 50);
    double p50Without = BenchPlatform.percentile(unindexed, 50);
    System.out.println();
    if (System.getenv("BENCH_DEBUG") != null) {
      // By kind of term (searchTerms cycles through them): which one makes the tail.
      String[] kinds = {"surname", "surname", "5-letter prefix", "phone digits"};
      for (int kind = 0; kind < 4; kind += kind == 0 ? 2 : 1) {
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < indexed.size(); k++) {
          int termKind = (50 + k) % 4;
          if (termKind == kind || kind == 0 && termKind == 1) {
            times.add(indexed.get(k));
          }
        }
        System.out.printf(
            "  %-16s p50 %6.1f ms  p95 %6.1f ms%n",
            kinds[kind], BenchPlatform.percentile(times, 50), BenchPlatform.percentile(times, 95));
      }
    }
    System.out.printf(
        "lead-search benchmark (%,d leads, admin, 20 a page; after %,d warm-up queries)%n",
        leads, WARMUP_REQUESTS);
    System.out.printf(
        "  with trigram indexes     p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d queries; target p95 <= 20 ms)%n",
        p50, p95, BenchPlatform.percentile(indexed, 100), indexed.size());
    System.out.printf(
        "  without them             p50 %7.1f ms  p95 %7.1f ms  (%d queries)%n",
        p50Without, p95Without, unindexed.size());
    System.out.printf(
        "  speed-up                 p50 %6.0fx      p95 %6.0fx  (target >= 10x)%n",
        p50Without / p50, p95Without / p95);
  }

  static void list(BenchPlatform platform, String token, UUID tenantId, int leads)
      throws Exception {
    int deep = Math.min(900_000, leads - 100);
    String cursor;
    try (Connection db = platform.connect();
        PreparedStatement q =
            db.prepareStatement(
                """
                select created_at, id from lead where tenant_id = ? and deleted_at is null
                 order by created_at desc, id desc offset ? limit 1
                """)) {
      q.setObject(1, tenantId);
      q.setInt(2, deep - 1);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        cursor =
            Cursor.of(
                    "createdAt:desc",
                    rs.getTimestamp(1).toInstant().toString(),
                    rs.getObject(2, UUID.class))
                .encode();
      }
    }
    List<String> first = java.util.Collections.nCopies(300, "");
    List<String> deepPage = java.util.Collections.nCopies(300, cursor);
    for (int k = 0; k < WARMUP_REQUESTS; k += 50) {
      measure(platform, token, first.subList(0, 25), "/api/leads?limit=50");
      measure(platform, token, deepPage.subList(0, 25), "/api/leads?limit=50&cursor=");
    }
    List<Double> firstTimes = measure(platform, token, first, "/api/leads?limit=50");
    List<Double> deepTimes = measure(platform, token, deepPage, "/api/leads?limit=50&cursor=");
    System.out.println();
    if (System.getenv("BENCH_DEBUG") != null) {
      // The service's own view of the same requests, without the client and the socket.
      platform
          .get("/actuator/prometheus", token)
          .body()
          .lines()
          .filter(l -> l.startsWith("http_server_requests_seconds_") && l.contains("/api/leads\""))
          .forEach(System.out::println);
    }
    System.out.printf(
        "lead-list benchmark (%,d leads, admin, 50 a page, newest first; after %,d warm-up"
            + " requests)%n",
        leads, WARMUP_REQUESTS);
    System.out.printf(
        "  first page                   p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (target p95 <= 20 ms)%n",
        BenchPlatform.percentile(firstTimes, 50),
        BenchPlatform.percentile(firstTimes, 95),
        BenchPlatform.percentile(firstTimes, 100));
    System.out.printf(
        "  after %,d rows (cursor)  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (target p95 <= 20 ms)%n",
        deep,
        BenchPlatform.percentile(deepTimes, 50),
        BenchPlatform.percentile(deepTimes, 95),
        BenchPlatform.percentile(deepTimes, 100));
  }

  /** Milliseconds per request, each checked to answer 200 with items. */
  static List<Double> measure(BenchPlatform platform, String token, List<String> args, String path)
      throws Exception {
    List<Double> times = new ArrayList<>();
    for (String arg : args) {
      long t0 = System.nanoTime();
      HttpResponse<String> response =
          platform.get(path + URLEncoder.encode(arg, StandardCharsets.UTF_8), token);
      times.add((System.nanoTime() - t0) / 1e6);
      if (response.statusCode() != 200 || !response.body().contains("\"items\":[{")) {
        throw new IllegalStateException(
            path + arg + " answered " + response.statusCode() + ": " + response.body());
      }
    }
    return times;
  }
}
