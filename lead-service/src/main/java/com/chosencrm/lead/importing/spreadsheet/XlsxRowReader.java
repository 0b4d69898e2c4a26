package com.chosencrm.lead.importing.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;

/**
 * Reads a worksheet's rows from its XML with a pull parser (POI's hardened factory: no external
 * entities), one row at a time. Cells keep their values as stored: shared and inline strings, the
 * cached result of a formula (its text, if it has none), numbers in plain notation, and
 * date-formatted numbers as ISO dates.
 */
final class XlsxRowReader implements RowReader {

  /** Excel's last column, XFD. */
  private static final int MAX_COLUMNS = 16_384;

  private final InputStream stream;
  private final XMLStreamReader xml;
  private final SharedStrings strings;
  private final boolean[] dateStyles;
  private final boolean date1904;
  private final MergedRegions merges;
  private final StringBuilder inline = new StringBuilder();
  private int nextRow = 1;

  XlsxRowReader(
      InputStream sheet,
      SharedStrings strings,
      boolean[] dateStyles,
      boolean date1904,
      MergedRegions merges)
      throws IOException {
    this.stream = sheet;
    this.strings = strings;
    this.dateStyles = dateStyles;
    this.date1904 = date1904;
    this.merges = merges;
    try {
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    } catch (XMLStreamException e) {
      throw damaged(e);
    }
  }

  @Override
  public boolean isDate1904() {
    return date1904;
  }

  @Override
  public SheetRow next() throws IOException {
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
          return row();
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw damaged(e);
    }
  }

  private SheetRow row() throws XMLStreamException {
    String r = xml.getAttributeValue(null, "r");
    int number = r == null ? nextRow : parseInt(r, nextRow);
    nextRow = number + 1;
    List<Cell> cells = new ArrayList<>();
    int column = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
        String ref = xml.getAttributeValue(null, "r");
        if (ref != null) {
          column = MergedRegions.column(ref);
        }
        Cell cell = cell();
        if (column >= 0 && column < MAX_COLUMNS) {
          while (cells.size() < column) {
            cells.add(Cell.EMPTY);
          }
          if (cells.size() == column) {
            cells.add(cell);
          } else {
            cells.set(column, cell);
          }
        }
        column++;
      } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
        break;
      }
    }
    merges.fill(number, cells);
    return new SheetRow(number, cells);
  }

  /** At a {@code <c>} start tag: reads to its end tag. */
  private Cell cell() throws XMLStreamException {
    String type = xml.getAttributeValue(null, "t");
    String style = xml.getAttributeValue(null, "s");
    String value = null;
    String formula = null;
    inline.setLength(0);
    boolean hasInline = false;
    int phonetic = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "v" -> value = xml.getElementText();
          case "f" -> formula = xml.getElementText();
          case "is" -> hasInline = true;
          case "rPh" -> phonetic++;
          case "t" -> {
            String t = xml.getElementText();
            if (phonetic == 0) {
              inline.append(t);
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if ("rPh".equals(name)) {
          phonetic--;
        } else if ("c".equals(name)) {
          break;
        }
      }
    }
    if (type == null || type.equals("n")) {
      if (value == null || value.isBlank()) {
        return formula == null ? Cell.EMPTY : Cell.text("=" + formula);
      }
      return number(value.strip(), style);
    }
    return switch (type) {
      case "s" -> Cell.text(clean(strings.get(parseInt(value, -1))));
      case "inlineStr" -> Cell.text(clean(hasInline ? inline.toString() : value));
      case "b" ->
          new Cell("1".equals(value) || "true".equals(value) ? "TRUE" : "FALSE", Cell.Kind.BOOLEAN);
      case "e" -> new Cell(value == null ? "" : value, Cell.Kind.ERROR);
      case "d" -> new Cell(value == null ? "" : value, Cell.Kind.DATE);
      // "str": a formula's text result
      default ->
          value != null
              ? Cell.text(clean(value))
              : formula == null ? Cell.EMPTY : Cell.text("=" + formula);
    };
  }

  private Cell number(String raw, String style) {
    BigDecimal number;
    try {
      number = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return Cell.text(clean(raw));
    }
    int styleIndex = style == null ? 0 : parseInt(style, 0);
    if (styleIndex >= 0
        && styleIndex < dateStyles.length
        && dateStyles[styleIndex]
        && DateUtil.isValidExcelDate(number.doubleValue())) {
      return new Cell(isoDate(number.doubleValue(), date1904), Cell.Kind.DATE);
    }
    // Guard against 1E+999999999: plain notation only for sane magnitudes.
    String text = Math.abs(number.scale()) > 40 ? raw : number.stripTrailingZeros().toPlainString();
    return new Cell(text, Cell.Kind.NUMBER);
  }

  /** An Excel serial date as ISO text: the date alone when there is no time of day. */
  static String isoDate(double serial, boolean date1904) {
    LocalDateTime moment = DateUtil.getLocalDateTime(serial, date1904, true);
    if (moment.toLocalTime().toSecondOfDay() == 0) {
      return moment.toLocalDate().toString();
    }
    return moment.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String clean(String text) {
    return text == null ? "" : text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  private static int parseInt(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (value > 100_000_000) {
          return fallback;
        }
      } else if (c != ' ') {
        return fallback;
      }
    }
    return text.isEmpty() ? fallback : value;
  }

  private static IOException damaged(XMLStreamException e) {
    return new IOException("The worksheet's XML is damaged: " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException ignored) {
      // Closing the stream below is what matters.
    }
    stream.close();
  }
}
