package com.chosencrm.lead.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;

/** Where the time of writing imported leads goes: COPY into lead with different index sets. */
public final class CopyExperiment {

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
    int rows = 20_000;
    try (BenchPlatform platform = BenchPlatform.start("256m");
        Connection db = platform.connect()) {
      UUID tenant = UUID.randomUUID();
      UUID stage = UUID.randomUUID();
      try (Statement s = db.createStatement()) {
        s.execute(
            "insert into pipeline_stage (id, tenant_id, name, kind, position, created_at,"
                + " updated_at) values ('"
                + stage
                + "', '"
                + tenant
                + "', 'New', 'OPEN', 0,"
                + " now(), now())");
      }
      String[] variants = {
        "all indexes", "no trigram GIN", "no GIN at all", "no secondary indexes",
      };
      for (int v = 0; v < variants.length; v++) {
        try (Statement s = db.createStatement()) {
          s.execute("drop table if exists x_lead");
          s.execute("create table x_lead (like lead including all)");
          if (v == 0) {
            s.execute(
                "alter table x_lead add foreign key (stage_id) references pipeline_stage (id)");
          }
          if (v >= 2) {
            for (String index : indexes(db, "x_lead", "%gin_trgm_ops%")) {
              s.execute("drop index " + index);
            }
          }
          if (v >= 3) {
            for (String index : indexes(db, "x_lead", "%USING gin%")) {
              s.execute("drop index " + index);
            }
          }
          if (v >= 4) {
            for (String index : indexes(db, "x_lead", "%btree%")) {
              s.execute("drop index " + index);
            }
          }
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        long t0 = System.nanoTime();
        for (int batch = 0; batch < rows / 1000; batch++) {
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < 1000; i++) {
            int n = batch * 1000 + i;
            text.append(UUID.randomUUID())
                .append('\t')
                .append(tenant)
                .append('\t')
                .append("Ada")
                .append('\t')
                .append("Lovelace")
                .append(n)
                .append('\t')
                .append("ada.")
                .append(n)
                .append("@example.com\t")
                .append("ada.")
                .append(n)
                .append("@example.com\t")
                .append("(201) 555-")
                .append(n % 10000)
                .append('\t')
                .append("+1201")
                .append(2000000 + n)
                .append('\t')
                .append("Zillow\t")
                .append(stage)
                .append('\t')
                .append(-n)
                .append('\t')
                .append("PURCHASE\t425000.00\tUSD\tTX\tGOOD\tsome notes here\t{vip,spring}\t{}\t")
                .append("\\N\t\\N\tf\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t")
                .append("2026-01-01T00:00:00Z\t\\N\t2026-01-01T00:00:00Z\t\\N\t0\n");
          }
          copy.copyIn(
              "copy x_lead (id, tenant_id, first_name, last_name, email, email_normalized, phone,"
                  + " phone_e164, source, stage_id, board_rank, loan_purpose, loan_amount,"
                  + " loan_currency, property_state, credit_band, notes, tags, custom_fields,"
                  + " assignee_id, assigned_at, do_not_contact, do_not_contact_reason,"
                  + " do_not_contact_at, do_not_contact_by, consent_given_at, consent_method,"
                  + " consent_text, created_at, created_by, updated_at, updated_by, version)"
                  + " from stdin",
              new StringReader(text.toString()));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-24s %,8.0f rows/s%n", variants[v], rows / s);
      }
      for (boolean fk : new boolean[] {true, false}) {
        try (Statement s = db.createStatement()) {
          s.execute("drop table if exists x_history");
          s.execute("create table x_history (like lead_history including all)");
          if (fk) {
            s.execute("alter table x_history add foreign key (lead_id) references x_lead (id)");
          }
        }
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        try (var q = db.createStatement().executeQuery("select id from x_lead")) {
          while (q.next()) {
            ids.add(q.getObject(1, UUID.class));
          }
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        long t0 = System.nanoTime();
        for (int batch = 0; batch < ids.size() / 1000; batch++) {
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < 1000; i++) {
            UUID lead = ids.get(batch * 1000 + i);
            for (String action : new String[] {"CREATED", "ASSIGNED"}) {
              text.append(UUID.randomUUID())
                  .append('\t')
                  .append(tenant)
                  .append('\t')
                  .append(lead)
                  .append('\t')
                  .append(action)
                  .append("\t\\N\t\\N\t\\N\t\\N\tImported\timport:x\t2026-01-01T00:00:00Z\n");
            }
          }
          copy.copyIn(
              "copy x_history (id, tenant_id, lead_id, action, field, old_value, new_value,"
                  + " actor_id, reason, request_id, occurred_at) from stdin",
              new StringReader(text.toString()));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("history x2, FK %-9s %,8.0f leads/s%n", fk, ids.size() / s);
      }
    }
  }

  static java.util.List<String> indexes(Connection db, String table, String like) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (var q =
        db.prepareStatement(
            "select indexname from pg_indexes where tablename = ? and indexdef like ?"
                + " and indexname not like '%pkey'")) {
      q.setString(1, table);
      q.setString(2, like);
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
