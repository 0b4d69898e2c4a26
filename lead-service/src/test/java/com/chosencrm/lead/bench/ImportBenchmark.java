package com.chosencrm.lead.bench;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.lead.importing.spreadsheet.RowReader;
import com.chosencrm.lead.importing.spreadsheet.SheetRow;
import com.chosencrm.lead.importing.spreadsheet.Spreadsheet;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated 100,000-row, 15-column workbook through the real endpoint (upload, start with the
 * proposed mapping, poll until done) against lead-service with {@code -Xmx256m}, compared with the
 * ceiling measured in the same run: streaming-parse the same file and COPY its rows as text into a
 * table without indexes. Prints rows/s of both, the ratio, and the service's peak heap.
 */
public final class ImportBenchmark {

  static final JsonMapper JSON = JsonMapper.shared();
  static final String[] HEADERS = {
    "First Name", "Last Name", "Email", "Phone", "Lead Source", "Status", "Loan Purpose",
    "Loan Amount", "State", "Credit Score", "Notes", "Tags", "Consent Date", "Consent Method",
    "Consent Text"
  };
  static final String[] FIRST = {"Ada", "Grace", "Linus", "Mary", "James", "Ana", "Wei", "Omar"};
  static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Smith", "Garcia", "Chen"};
  static final String[] AREAS = {"201", "212", "305", "312", "415", "512", "617", "713", "818"};
  static final String[] SOURCES = {"Zillow", "Referral", "Website", "Open house", "Facebook"};
  static final String[] PURPOSES = {"Purchase", "Refi", "Cash-out refi", "HELOC"};
  static final String[] STATES = {"TX", "CA", "Florida", "NY", "wa", "IL"};
  static final String[] CREDIT = {"Excellent", "Good", "680-719", "Fair", "752", "Unknown"};

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
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (BenchPlatform platform = BenchPlatform.start("256m")) {
      Path file = platform.work.resolve("leads-" + rows + ".xlsx");
      System.out.printf("Writing a %,d-row, %d-column workbook ...%n", rows, HEADERS.length);
      writeWorkbook(file, rows);
      System.out.printf("  %s: %.1f MB%n", file.getFileName(), Files.size(file) / 1048576.0);

      // A running service has compiled its import path long before a big file arrives; a
      // freshly started one spends as much CPU in the JIT compilers as in the import. Warm it
      // with a smaller import into another tenant (BENCH_WARMUP_ROWS=0 measures it cold).
      int warmupRows = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_ROWS", "20000"));
      if (warmupRows > 0) {
        Path warmupFile = platform.work.resolve("warmup-" + warmupRows + ".xlsx");
        writeWorkbook(warmupFile, warmupRows);
        UUID warmTenant = UUID.randomUUID();
        UUID warmAdmin = UuidV7.next();
        try (Connection db = platform.connect()) {
          setUpTenant(db, warmTenant, warmAdmin);
        }
        System.out.printf("Warm-up: a %,d-row import into another tenant ...%n", warmupRows);
        String warmToken = platform.adminToken(warmAdmin, warmTenant);
        awaitDone(platform, warmToken, startImport(platform, warmToken, warmupFile), warmupRows);
      }

      UUID tenantId = UUID.randomUUID();
      UUID adminId = UuidV7.next();
      try (Connection db = platform.connect()) {
        setUpTenant(db, tenantId, adminId);
      }
      String token = platform.adminToken(adminId, tenantId);

      System.out.println("Import through the endpoint ...");
      long[] cpu0 = platform.cpuMillis();
      var threads0 = platform.threadCpuMillis();
      long t0 = System.nanoTime();
      long[] uploadedAt = new long[1];
      String id = startImport(platform, token, file, uploadedAt);
      long tUploaded = uploadedAt[0];
      JsonNode status;
      boolean histogram = System.getenv("BENCH_HISTOGRAM") != null;
      do {
        Thread.sleep(50);
        status = JSON.readTree(platform.get("/api/leads/imports/" + id, token).body());
        if (histogram && status.get("progress").get("percent").asInt() >= 20) {
          // Diagnosis: where the service spends its time (virtual threads included).
          for (int dump = 0; dump < 4; dump++) {
            Path out = platform.work.resolve("threads-" + dump + ".txt");
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(platform.service.pid()),
                    "Thread.dump_to_file",
                    out.toString())
                .inheritIO()
                .start()
                .waitFor();
            System.out.println(Files.readString(out));
            Thread.sleep(700);
          }
          histogram = false;
        }
      } while (List.of("QUEUED", "RUNNING").contains(status.get("state").asString()));
      long t1 = System.nanoTime();
      long[] cpu1 = platform.cpuMillis();
      var threads1 = platform.threadCpuMillis();
      JsonNode progress = status.get("progress");
      if (!"COMPLETED".equals(status.get("state").asString())
          || progress.get("created").asInt() != rows) {
        throw new IllegalStateException("The import did not create every row: " + status);
      }
      double seconds = (t1 - t0) / 1e9;
      double endToEnd = rows / seconds;
      double jobSeconds;
      try (Connection db = platform.connect();
          PreparedStatement q =
              db.prepareStatement(
                  "select extract(epoch from finished_at - started_at) from import_job where id = ?::uuid")) {
        q.setString(1, id);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          jobSeconds = rs.getDouble(1);
        }
      }

      System.out.println("Ceiling: streaming parse of the same file + COPY into a bare table ...");
      double ceiling = 0;
      for (int attempt = 0; attempt < 2; attempt++) {
        ceiling = Math.max(ceiling, ceiling(platform, file, rows));
      }
      long[] heap = platform.heapMb();
      System.out.println("PostgreSQL alone: the import's own rows COPYed in again ...");
      List<DatabaseAlone.Figure> alone =
          DatabaseAlone.measure(platform, tenantId, UUID.fromString(id));

      System.out.println();
      System.out.println(
          "lead-import benchmark ("
              + rows
              + " rows x "
              + HEADERS.length
              + " columns, xlsx; "
              + (warmupRows > 0
                  ? "service warmed by a " + warmupRows + "-row import)"
                  : "cold service)"));
      System.out.printf("  upload answered (checked, mapped)  %8.2f s%n", (tUploaded - t0) / 1e9);
      System.out.printf(
          "  end to end (upload -> COMPLETED)   %8.2f s  %,10.0f rows/s  (target >= 20,000)%n",
          seconds, endToEnd);
      System.out.printf(
          "  job alone (started -> finished)    %8.2f s  %,10.0f rows/s%n",
          jobSeconds, rows / jobSeconds);
      System.out.printf(
          "  ceiling (parse + COPY, bare table)            %,10.0f rows/s%n", ceiling);
      System.out.printf(
          "  end to end / ceiling               %8.0f %%  (target >= 35 %%)%n",
          100 * endToEnd / ceiling);
      System.out.printf(
          "  service heap, -Xmx256m (GC log)    peak in use %d MB, peak live after GC %d MB"
              + "  (target < 256 MB)%n",
          heap[0], heap[1]);
      System.out.printf(
          "  CPU per row, upload -> COMPLETED    service JVM %.0f us, PostgreSQL %.0f us, total %.0f us"
              + "  (load average %s)%n",
          1000.0 * (cpu1[0] - cpu0[0]) / rows,
          1000.0 * (cpu1[1] - cpu0[1]) / rows,
          1000.0 * (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]) / rows,
          BenchPlatform.loadAverage());
      if (System.getenv("BENCH_DEBUG") != null) {
        System.out.print(
            "  service threads' CPU, upload -> COMPLETED:\n"
                + BenchPlatform.busiestThreads(threads0, threads1));
      }
      System.out.println(
          "  PostgreSQL alone, no service (the import's rows again, 1,000 leads a transaction):");
      for (DatabaseAlone.Figure figure : alone) {
        System.out.printf(
            "    %-34s %,10.0f leads/s   PostgreSQL %.0f us a lead%n",
            figure.name(), figure.leadsPerSecond(), figure.postgresMicrosPerLead());
      }
      System.out.printf(
          "  created %d, skipped %d, failed %d%n",
          progress.get("created").asInt(),
          progress.get("skipped").asInt(),
          progress.get("failed").asInt());
    }
  }

  /** The tenant's admin, a team of five agents and a round-robin rule over it. */
  /** Uploads a file, starts it with the proposed mapping; the import's id. */
  static String startImport(BenchPlatform platform, String token, Path file) throws Exception {
    return startImport(platform, token, file, new long[1]);
  }

  static String startImport(BenchPlatform platform, String token, Path file, long[] uploadedAt)
      throws Exception {
    HttpResponse<String> uploaded = platform.upload("/api/leads/imports", token, file);
    if (uploaded.statusCode() != 201) {
      throw new IllegalStateException(
          "Upload answered " + uploaded.statusCode() + ": " + uploaded.body());
    }
    uploadedAt[0] = System.nanoTime();
    JsonNode job = JSON.readTree(uploaded.body());
    String id = job.get("id").asString();
    List<Map<String, Object>> mapping = new ArrayList<>();
    for (JsonNode column : job.get("proposedMapping")) {
      if (!column.get("field").isNull()) {
        mapping.add(
            Map.of(
                "column", column.get("column").asInt(), "field", column.get("field").asString()));
      }
    }
    if (mapping.size() != HEADERS.length) {
      throw new IllegalStateException(
          "Only " + mapping.size() + " columns were matched: " + job.get("proposedMapping"));
    }
    HttpResponse<String> started =
        platform.postJson(
            "/api/leads/imports/" + id + "/start",
            token,
            JSON.writeValueAsString(Map.of("mapping", mapping, "duplicatePolicy", "SKIP")));
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "Start answered " + started.statusCode() + ": " + started.body());
    }
    return id;
  }

  /** Polls an import until it ends; fails unless it created every row. */
  static void awaitDone(BenchPlatform platform, String token, String id, int rows)
      throws Exception {
    JsonNode status;
    do {
      Thread.sleep(100);
      status = JSON.readTree(platform.get("/api/leads/imports/" + id, token).body());
    } while (List.of("QUEUED", "RUNNING").contains(status.get("state").asString()));
    if (!"COMPLETED".equals(status.get("state").asString())
        || status.get("progress").get("created").asInt() != rows) {
      throw new IllegalStateException("The import did not create every row: " + status);
    }
  }

  static void setUpTenant(Connection db, UUID tenantId, UUID adminId) throws Exception {
    UUID team = UuidV7.next();
    try (Statement s = db.createStatement()) {
      s.execute(
          "insert into team (id, tenant_id, name, event_at) values ('"
              + team
              + "', '"
              + tenantId
              + "', 'Bench team', now())");
      s.execute(
          "insert into agent (user_id, tenant_id, email, first_name, last_name, roles) values ('"
              + adminId
              + "', '"
              + tenantId
              + "', 'admin@bench.test', 'Bench', 'Admin', '{ADMIN}')");
      for (int i = 0; i < 5; i++) {
        s.execute(
            "insert into agent (user_id, tenant_id, email, first_name, last_name, roles, team_id)"
                + " values ('"
                + UuidV7.next()
                + "', '"
                + tenantId
                + "', 'agent"
                + i
                + "@bench.test', 'Agent', '"
                + i
                + "', '{AGENT}', '"
                + team
                + "')");
      }
      s.execute(
          "insert into assignment_rule (id, tenant_id, position, name, action, target_team_id,"
              + " created_at, updated_at) values ('"
              + UuidV7.next()
              + "', '"
              + tenantId
              + "', 0, 'Round robin', 'TEAM_ROUND_ROBIN', '"
              + team
              + "', now(), now())");
    }
  }

  static double ceiling(BenchPlatform platform, Path file, int expected) throws Exception {
    try (Connection db = platform.connect()) {
      try (Statement s = db.createStatement()) {
        s.execute("drop table if exists public.bench_bare");
        StringBuilder columns = new StringBuilder();
        for (int c = 0; c < HEADERS.length; c++) {
          columns.append(c == 0 ? "" : ", ").append("c").append(c).append(" text");
        }
        s.execute("create table public.bench_bare (" + columns + ")");
      }
      var copy = db.unwrap(PGConnection.class).getCopyAPI();
      long t0 = System.nanoTime();
      int rows = 0;
      try (Spreadsheet sheet = Spreadsheet.open(file, platform.work.resolve("ceiling"));
          RowReader reader = sheet.rows()) {
        StringBuilder batch = new StringBuilder(1 << 20);
        SheetRow row;
        boolean header = true;
        while ((row = reader.next()) != null) {
          if (header || row.isBlank()) {
            header = false;
            continue;
          }
          for (int c = 0; c < HEADERS.length; c++) {
            if (c > 0) {
              batch.append('\t');
            }
            String text = row.cell(c).text();
            for (int i = 0; i < text.length(); i++) {
              char ch = text.charAt(i);
              switch (ch) {
                case '\\' -> batch.append("\\\\");
                case '\t' -> batch.append("\\t");
                case '\n' -> batch.append("\\n");
                case '\r' -> batch.append("\\r");
                default -> batch.append(ch);
              }
            }
          }
          batch.append('\n');
          if (++rows % 1000 == 0) {
            copy.copyIn("copy public.bench_bare from stdin", new StringReader(batch.toString()));
            batch.setLength(0);
          }
        }
        copy.copyIn("copy public.bench_bare from stdin", new StringReader(batch.toString()));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (rows != expected) {
        throw new IllegalStateException("The ceiling read " + rows + " rows");
      }
      return rows / seconds;
    }
  }

  static void writeWorkbook(Path file, int rows) throws Exception {
    // Shared strings, as Excel writes them (the reader spools them to disk).
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 1000, true, true);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Leads");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy"));
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      for (int i = 1; i <= rows; i++) {
        Row row = sheet.createRow(i);
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / 7) % LAST.length] + (i % 97);
        row.createCell(0).setCellValue(first);
        row.createCell(1).setCellValue(last);
        row.createCell(2).setCellValue(first.toLowerCase() + "." + i + "@example.com");
        String area = AREAS[i % AREAS.length];
        String exchange = String.valueOf(200 + (i / 10_000) % 700);
        String line = String.format("%04d", i % 10_000);
        if (i % 3 == 0) {
          row.createCell(3).setCellValue(Double.parseDouble(area + exchange + line));
        } else {
          row.createCell(3).setCellValue("(" + area + ") " + exchange + "-" + line);
        }
        row.createCell(4).setCellValue(SOURCES[i % SOURCES.length]);
        row.createCell(5).setCellValue(i % 4 == 0 ? "Contacted" : "New");
        row.createCell(6).setCellValue(PURPOSES[i % PURPOSES.length]);
        row.createCell(7).setCellValue(150_000 + (i % 500) * 1_000);
        row.createCell(8).setCellValue(STATES[i % STATES.length]);
        row.createCell(9).setCellValue(CREDIT[i % CREDIT.length]);
        row.createCell(10).setCellValue("Imported lead number " + i + ", call after 5pm");
        row.createCell(11).setCellValue(i % 2 == 0 ? "spring, first-time" : "vip");
        var consent = row.createCell(12);
        consent.setCellValue(LocalDate.of(2025, 1, 1).plusDays(i % 300));
        consent.setCellStyle(date);
        row.createCell(13).setCellValue("WEB_FORM");
        row.createCell(14).setCellValue("I agree to be contacted by phone and text.");
      }
      workbook.write(out);
    }
  }
}
