package com.chosencrm.lead.lead;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in text format, written in the caller's
 * transaction: the fastest way to insert thousands of rows, and atomic with the rest of it.
 */
final class CopyRows {

  /** Rows are kept as UTF-8 chunks of about this size: no object large enough to be humongous. */
  private static final int CHUNK = 32 * 1024;

  private final String table;
  private final String columns;
  private final StringBuilder text = new StringBuilder(CHUNK + 4096);
  private final List<byte[]> chunks = new ArrayList<>();
  private boolean rowStarted;
  private int rows;
  // The batch's timestamp recurs in every row (created, updated, assigned): formatted once.
  private Instant lastInstant;
  private String lastInstantText;

  CopyRows(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  // Typed appenders rather than one over Object: this is the import's innermost loop, and a
  // type switch per value made it both slower and costly for the JIT to compile.

  /** Text, escaped; null is SQL null. */
  CopyRows value(String value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      escape(value);
    }
    return this;
  }

  CopyRows value(UUID value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      text.append(value);
    }
    return this;
  }

  CopyRows value(Instant value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      text.append(format(value));
    }
    return this;
  }

  CopyRows value(BigDecimal value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      text.append(value.toPlainString());
    }
    return this;
  }

  CopyRows value(boolean value) {
    separate();
    text.append(value ? 't' : 'f');
    return this;
  }

  CopyRows value(long value) {
    separate();
    text.append(value);
    return this;
  }

  /** SQL null. */
  CopyRows nothing() {
    separate();
    text.append("\\N");
    return this;
  }

  private void separate() {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
  }

  private String format(Instant instant) {
    if (instant != lastInstant) {
      lastInstant = instant;
      lastInstantText = instant.toString();
    }
    return lastInstantText;
  }

  /** A {@code text[]} value. */
  CopyRows array(Collection<String> values) {
    StringBuilder literal = new StringBuilder("{");
    for (String v : values) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      literal.append('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    return value(literal.append('}').toString());
  }

  void endRow() {
    text.append('\n');
    rowStarted = false;
    rows++;
    if (text.length() >= CHUNK) {
      chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
      text.setLength(0);
    }
  }

  int rows() {
    return rows;
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\0' -> {}
        default -> text.append(c);
      }
    }
  }

  /** Sends the rows on the transaction's connection. */
  void copy(DataSource dataSource) {
    if (rows == 0) {
      return;
    }
    if (!text.isEmpty()) {
      chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
      text.setLength(0);
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("copy " + table + " (" + columns + ") from stdin (encoding 'UTF8')");
      try {
        for (byte[] chunk : chunks) {
          copy.writeToCopy(chunk, 0, chunk.length);
        }
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("COPY into " + table + " failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
