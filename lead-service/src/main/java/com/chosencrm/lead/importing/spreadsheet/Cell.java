package com.chosencrm.lead.importing.spreadsheet;

/**
 * One cell as read from the file. Text is never interpreted: a value starting with {@code =} is a
 * string like any other, and formulas are never evaluated.
 *
 * @param text the value as text: numbers in plain decimal notation ({@code 2015550123}, not {@code
 *     2.01555E9}), date-formatted cells as ISO dates ({@code 2024-03-15}, or {@code
 *     2024-03-15T09:30} with a time), booleans as {@code TRUE}/{@code FALSE}
 */
public record Cell(String text, Kind kind) {

  public static final Cell EMPTY = new Cell("", Kind.TEXT);

  /** What the file said the cell holds. CSV cells are always {@link #TEXT}. */
  public enum Kind {
    TEXT,
    NUMBER,
    /** A number in a date format, already turned into an ISO date. */
    DATE,
    BOOLEAN,
    /** An error value such as {@code #N/A}. */
    ERROR
  }

  public static Cell text(String text) {
    return new Cell(text == null ? "" : text, Kind.TEXT);
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
