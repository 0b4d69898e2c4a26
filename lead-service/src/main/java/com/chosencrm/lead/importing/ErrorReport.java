package com.chosencrm.lead.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The rows an import refused or skipped, as a workbook streamed with SXSSF (100 rows in memory).
 * The row number is a number cell (the report sorts by it); every other cell is a string cell, and
 * values that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @})
 * are also marked quote-prefixed, so that neither opening the report nor saving it as CSV and
 * opening that turns a lead's data into a formula. The header row stays in view and filters.
 */
final class ErrorReport {

  private ErrorReport() {}

  static void write(OutputStream out, Consumer<Consumer<ImportJobs.ErrorRow>> rows)
      throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      workbook.setCompressTempFiles(true);
      Sheet sheet = workbook.createSheet("Rows not imported");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle quoted = workbook.createCellStyle();
      quoted.setQuotePrefixed(true);
      Row header = sheet.createRow(0);
      String[] titles = {"Row", "Column", "Value", "Reason"};
      for (int i = 0; i < titles.length; i++) {
        header.createCell(i).setCellValue(titles[i]);
        header.getCell(i).setCellStyle(bold);
      }
      sheet.setColumnWidth(1, 24 * 256);
      sheet.setColumnWidth(2, 32 * 256);
      sheet.setColumnWidth(3, 80 * 256);
      int[] next = {1};
      rows.accept(
          row -> {
            Row line = sheet.createRow(next[0]++);
            line.createCell(0).setCellValue(row.rowNumber());
            text(line, 1, row.column(), quoted);
            text(line, 2, row.value(), quoted);
            text(line, 3, row.reason(), quoted);
          });
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, next[0] - 1, 0, titles.length - 1));
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  private static void text(Row row, int column, String value, CellStyle quoted) {
    if (value == null) {
      return;
    }
    var cell = row.createCell(column);
    cell.setCellValue(value);
    if (looksLikeFormula(value)) {
      cell.setCellStyle(quoted);
    }
  }

  static boolean looksLikeFormula(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
