package com.chosencrm.lead.importing.spreadsheet;

import java.io.IOException;

/**
 * Reads a sheet row by row, holding only the current row (and, for workbooks, the merged regions
 * still open) in memory, whatever the size of the file.
 */
public interface RowReader extends AutoCloseable {

  /** The next row, blank ones included; null at the end. */
  SheetRow next() throws IOException;

  /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  default boolean isDate1904() {
    return false;
  }

  @Override
  void close() throws IOException;
}
