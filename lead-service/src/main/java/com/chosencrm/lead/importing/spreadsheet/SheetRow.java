package com.chosencrm.lead.importing.spreadsheet;

import java.util.List;

/**
 * A row of the sheet.
 *
 * @param number where a person finds it: the spreadsheet's row number, or the CSV record's line
 *     number (both from 1)
 * @param cells by column, from column A; missing trailing cells are simply absent
 */
public record SheetRow(int number, List<Cell> cells) {

  public Cell cell(int column) {
    return column < cells.size() ? cells.get(column) : Cell.EMPTY;
  }

  public boolean isBlank() {
    for (Cell cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
