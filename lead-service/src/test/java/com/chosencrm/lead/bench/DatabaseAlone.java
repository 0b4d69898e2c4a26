package com.chosencrm.lead.bench;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * How fast PostgreSQL alone takes the rows an import wrote, with no service in front of it: the
 * most any import could reach on this machine with lead-service's tables and indexes.
 *
 * <p>The rows are the measured import's own, read back before the clock starts (each lead with its
 * history, assignment and {@code imported_lead} rows), deleted, and COPYed in again as text, 1,000
 * leads a transaction, in the order the import wrote them: once on one connection (as the import
 * does), then split over two connections at once (both cores), then only the {@code lead} rows over
 * two connections (the least an import could write). The other tenant's leads stay in the table
 * throughout, as they did during the import.
 */
final class DatabaseAlone {

  static final int BATCH = 1000;

  /** Leads a second and PostgreSQL's CPU per lead for one way of writing. */
  record Figure(String name, double leadsPerSecond, double postgresMicrosPerLead) {}

  /** One table's rows of the import, each line keyed by the lead it belongs to. */
  private record TableRows(String table, String columns, Map<UUID, List<String>> byLead) {}

  private static final String[] TABLES = {
    "lead", "lead_history", "lead_assignment", "imported_lead"
  };

  private DatabaseAlone() {}

  static List<Figure> measure(BenchPlatform platform, UUID tenantId, UUID importId)
      throws Exception {
    List<UUID> leads = new ArrayList<>();
    List<TableRows> tables = new ArrayList<>();
    try (Connection db = platform.connect()) {
      try (PreparedStatement q =
          db.prepareStatement(
              "select lead_id from imported_lead where import_id = ? and outcome = 'CREATED'"
                  + " order by row_number")) {
        q.setObject(1, importId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            leads.add(rs.getObject(1, UUID.class));
          }
        }
      }
      for (String table : TABLES) {
        tables.add(export(db, table, tenantId));
      }
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(write(platform, tenantId, "all four tables, one connection", tables, leads, 1));
    figures.add(write(platform, tenantId, "all four tables, two connections", tables, leads, 2));
    figures.add(
        write(
            platform, tenantId, "lead rows only, two connections", tables.subList(0, 1), leads, 2));
    return figures;
  }

  /** The tenant's rows of a table as COPY text, by lead (the row's id for lead itself). */
  private static TableRows export(Connection db, String table, UUID tenantId) throws Exception {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select column_name from information_schema.columns where table_schema ="
                + " 'lead_management' and table_name = ? and is_generated = 'NEVER'"
                + " order by ordinal_position")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    int key = columns.indexOf(table.equals("lead") ? "id" : "lead_id");
    String list = String.join(", ", columns);
    StringWriter text = new StringWriter();
    db.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyOut(
            "copy (select "
                + list
                + " from "
                + table
                + " where tenant_id = '"
                + tenantId
                + "'"
                + (table.equals("imported_lead") ? "" : " order by id")
                + ") to stdout",
            text);
    Map<UUID, List<String>> byLead = new HashMap<>();
    for (String line : text.toString().split("\n")) {
      if (!line.isEmpty()) {
        UUID lead = UUID.fromString(line.split("\t", key + 2)[key]);
        byLead.computeIfAbsent(lead, k -> new ArrayList<>(2)).add(line);
      }
    }
    return new TableRows(table, list, byLead);
  }

  private static Figure write(
      BenchPlatform platform,
      UUID tenantId,
      String name,
      List<TableRows> tables,
      List<UUID> leads,
      int connections)
      throws Exception {
    removeAll(platform, tenantId);
    // Each batch's COPY text, built before the clock starts: what is measured is PostgreSQL.
    List<Map<String, String>> batches = new ArrayList<>();
    for (int from = 0; from < leads.size(); from += BATCH) {
      Map<String, String> batch = new LinkedHashMap<>();
      for (TableRows table : tables) {
        StringBuilder text = new StringBuilder();
        for (UUID lead : leads.subList(from, Math.min(leads.size(), from + BATCH))) {
          for (String line : table.byLead().getOrDefault(lead, List.of())) {
            text.append(line).append('\n');
          }
        }
        batch.put(
            "copy " + table.table() + " (" + table.columns() + ") from stdin", text.toString());
      }
      batches.add(batch);
    }
    ExecutorService writers = Executors.newFixedThreadPool(connections);
    try {
      List<Connection> dbs = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        Connection db = platform.connect();
        try (Statement s = db.createStatement()) {
          // As the import's batches commit (LeadImportWriter).
          s.execute("set synchronous_commit = off");
        }
        db.setAutoCommit(false);
        dbs.add(db);
      }
      long[] cpu0 = platform.cpuMillis();
      long t0 = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int first = c;
        Connection db = dbs.get(c);
        running.add(
            writers.submit(
                () -> {
                  var copy = db.unwrap(PGConnection.class).getCopyAPI();
                  for (int b = first; b < batches.size(); b += connections) {
                    for (var table : batches.get(b).entrySet()) {
                      copy.copyIn(table.getKey(), new StringReader(table.getValue()));
                    }
                    db.commit();
                  }
                  return null;
                }));
      }
      for (Future<?> writer : running) {
        writer.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long[] cpu1 = platform.cpuMillis();
      for (Connection db : dbs) {
        db.close();
      }
      return new Figure(name, leads.size() / seconds, 1000.0 * (cpu1[1] - cpu0[1]) / leads.size());
    } finally {
      writers.shutdownNow();
    }
  }

  /**
   * Deletes the tenant's imported rows and rewrites the tables and their indexes without them, so
   * each run appends into tables packed as they were before the import (a plain VACUUM would leave
   * the freed space in place for the rows to fall back into, cheaper than the import had it).
   */
  private static void removeAll(BenchPlatform platform, UUID tenantId) throws Exception {
    try (Connection db = platform.connect();
        Statement s = db.createStatement()) {
      for (String table : TABLES) {
        s.execute("delete from " + table + " where tenant_id = '" + tenantId + "'");
      }
      for (String table : TABLES) {
        s.execute("vacuum (full, analyze) " + table);
      }
      s.execute("checkpoint");
    }
  }
}
