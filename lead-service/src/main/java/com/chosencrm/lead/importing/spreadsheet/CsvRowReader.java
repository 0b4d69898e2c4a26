package com.chosencrm.lead.importing.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records, leniently: quoted fields may hold delimiters, doubled quotes and line breaks;
 * CRLF, LF and CR all end a record; text after a closing quote is kept. NUL characters, which
 * PostgreSQL cannot store, are dropped.
 */
final class CsvRowReader implements RowReader {

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[64 * 1024];
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int length;
  private int line = 1;

  CsvRowReader(Path file, CsvDialect dialect) throws IOException {
    InputStream stream = Files.newInputStream(file);
    stream.skipNBytes(dialect.bomLength());
    this.in = new InputStreamReader(stream, dialect.charset());
    this.delimiter = dialect.delimiter();
    if (dialect.skipFirstLine()) {
      next();
    }
  }

  @Override
  public SheetRow next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    int number = line;
    List<Cell> cells = new ArrayList<>();
    while (true) {
      field.setLength(0);
      if (c == '"') {
        c = quoted();
      }
      while (c != -1 && c != delimiter && c != '\n' && c != '\r') {
        append(c);
        c = read();
      }
      cells.add(Cell.text(field.toString()));
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\r') {
        int after = read();
        if (after != '\n' && after != -1) {
          position--;
        }
      }
      if (c != -1) {
        line++;
      }
      return new SheetRow(number, cells);
    }
  }

  /** Reads a quoted field's content; answers the character after the closing quote. */
  private int quoted() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return -1;
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          return after;
        }
      } else if (c == '\n') {
        line++;
      }
      append(c);
    }
  }

  private void append(int c) {
    if (c != 0) {
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (position == length) {
      length = in.read(buffer, 0, buffer.length);
      position = 0;
      if (length <= 0) {
        length = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  /** Records with something besides delimiters and blanks, the header included. */
  static int countRows(Path file, CsvDialect dialect) throws IOException {
    try (InputStream stream = Files.newInputStream(file)) {
      stream.skipNBytes(dialect.bomLength());
      Reader reader = new InputStreamReader(stream, dialect.charset());
      char[] chunk = new char[64 * 1024];
      int rows = 0;
      boolean quoted = false;
      boolean content = false;
      int n;
      while ((n = reader.read(chunk)) > 0) {
        for (int i = 0; i < n; i++) {
          char c = chunk[i];
          if (c == '"') {
            quoted = !quoted;
            content = true;
          } else if (!quoted && (c == '\n' || c == '\r')) {
            if (content) {
              rows++;
            }
            content = false;
          } else if (!quoted && c != dialect.delimiter() && !Character.isWhitespace(c)) {
            content = true;
          }
        }
      }
      if (content) {
        rows++;
      }
      return dialect.skipFirstLine() ? Math.max(0, rows - 1) : rows;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
