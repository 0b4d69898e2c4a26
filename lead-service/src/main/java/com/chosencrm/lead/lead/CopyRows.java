package com.chosencrm.lead.lead;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in text format, written in the caller's
 * transaction: the fastest way to insert thousands of rows, and atomic with the rest of it.
 */
final class CopyRows {

  private final String table;
  private final String columns;
  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean rowStarted;
  private int rows;

  CopyRows(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  CopyRows value(Object value) {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
    switch (value) {
      case null -> text.append("\\N");
      case Boolean b -> text.append(b ? 't' : 'f');
      case Instant i -> text.append(i);
      case Number n -> text.append(n instanceof java.math.BigDecimal d ? d.toPlainString() : n);
      case java.util.UUID u -> text.append(u);
      default -> escape(value.toString());
    }
    return this;
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
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
    } catch (SQLException | IOException e) {
      throw new DataAccessResourceFailureException("COPY into " + table + " failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
