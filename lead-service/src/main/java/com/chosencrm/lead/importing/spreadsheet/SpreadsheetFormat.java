package com.chosencrm.lead.importing.spreadsheet;

/** The formats an import reads, told apart by their content, never by the file's name. */
public enum SpreadsheetFormat {
  /** Office Open XML workbook (Excel 2007 and later); the first sheet is read. */
  XLSX,
  /** Delimited text: comma, semicolon, tab or pipe; UTF-8 (with or without BOM), UTF-16, cp1252. */
  CSV
}
