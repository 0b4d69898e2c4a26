package com.chosencrm.lead.importing.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merged cells of a sheet. Excel keeps a merged region's value in its top-left cell only; an import
 * reads every cell of the region as that value, so a "Source" merged down over ten rows gives all
 * ten leads that source. Only the regions that cover the current row are held.
 */
final class MergedRegions {

  /** Wider regions (a banner across the sheet) are ignored rather than copied into every cell. */
  static final int MAX_WIDTH = 256;

  static final int MAX_REGIONS = 100_000;

  private static final Pattern REF =
      Pattern.compile("([A-Z]{1,3})(\\d{1,7}):([A-Z]{1,3})(\\d{1,7})");

  record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {}

  private final List<Region> pending;
  private final List<Open> open = new ArrayList<>();
  private int next;

  private static final class Open {
    final Region region;
    Cell value = Cell.EMPTY;

    Open(Region region) {
      this.region = region;
    }
  }

  MergedRegions(List<Region> regions) {
    this.pending = new ArrayList<>(regions);
    this.pending.sort(Comparator.comparingInt(Region::firstRow));
  }

  static Region parse(String ref) {
    Matcher m = REF.matcher(ref);
    if (!m.matches()) {
      return null;
    }
    int firstColumn = column(m.group(1));
    int lastColumn = column(m.group(3));
    int firstRow = Integer.parseInt(m.group(2));
    int lastRow = Integer.parseInt(m.group(4));
    if (lastRow < firstRow
        || lastColumn < firstColumn
        || lastColumn - firstColumn >= MAX_WIDTH
        || (lastRow == firstRow && lastColumn == firstColumn)) {
      return null;
    }
    return new Region(firstRow, lastRow, firstColumn, lastColumn);
  }

  /** Column index from 0 of letters such as {@code A} or {@code AB}. */
  static int column(String letters) {
    int index = 0;
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      index = index * 26 + (c - 'A' + 1);
    }
    return index - 1;
  }

  /** Fills the row's cells that lie in a merged region with the region's value. */
  void fill(int rowNumber, List<Cell> cells) {
    for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
      if (it.next().region.lastRow() < rowNumber) {
        it.remove();
      }
    }
    while (next < pending.size() && pending.get(next).firstRow() <= rowNumber) {
      Region region = pending.get(next++);
      if (region.lastRow() >= rowNumber) {
        Open started = new Open(region);
        if (region.firstRow() == rowNumber && region.firstColumn() < cells.size()) {
          started.value = cells.get(region.firstColumn());
        }
        open.add(started);
      }
    }
    for (Open o : open) {
      if (o.value.isBlank()) {
        continue;
      }
      Region r = o.region;
      for (int column = r.firstColumn(); column <= r.lastColumn(); column++) {
        while (cells.size() <= column) {
          cells.add(Cell.EMPTY);
        }
        if (cells.get(column).isBlank()) {
          cells.set(column, o.value);
        }
      }
    }
  }
}
