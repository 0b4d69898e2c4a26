package com.chosencrm.lead.importing.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million-row file is read with memory that does not grow with it. The workbook is written the
 * way Excel writes one, every distinct text in the shared strings table (two million of them here):
 * a reader that kept that table on the heap, as POI's own do, would hold well over 100 MB. Heap is
 * measured after full collections, before reading and twice while reading.
 */
class SpreadsheetStreamingTests {

  static final int ROWS = 1_000_000;

  /** Far below what the file's text would take on the heap. */
  static final long MAX_GROWTH = 48L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aMillionRowWorkbookIsReadInBoundedMemory() throws IOException {
    Path file = dir.resolve("million.xlsx");
    writeWorkbook(file);

    long before = retainedHeap();
    long peak = 0;
    int rows = 0;
    SheetRow last = null;
    try (Spreadsheet sheet = Spreadsheet.open(file, dir.resolve("work"));
        RowReader reader = sheet.rows()) {
      assertThat(sheet.countRows()).isEqualTo(ROWS + 1);
      SheetRow row;
      while ((row = reader.next()) != null) {
        rows++;
        last = row;
        if (rows == ROWS / 2 || rows == ROWS) {
          peak = Math.max(peak, retainedHeap());
        }
      }
    }

    assertThat(rows).isEqualTo(ROWS + 1);
    assertThat(last.number()).isEqualTo(ROWS + 1);
    assertThat(last.cell(0).text()).isEqualTo("Person " + ROWS);
    assertThat(last.cell(1).text()).isEqualTo("person" + ROWS + "@example.com");
    assertThat(last.cell(2).text()).isEqualTo(String.valueOf(2_015_550_000L + ROWS));
    assertThat(peak - before)
        .as("heap growth while reading %d rows: %d MB", ROWS, (peak - before) >> 20)
        .isLessThan(MAX_GROWTH);
  }

  @Test
  void aMillionRowCsvIsReadInBoundedMemory() throws IOException {
    Path file = dir.resolve("million.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("Name;Email;Phone\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(
            "\"Person " + i + "\";person" + i + "@example.com;" + (2_015_550_000L + i) + "\n");
      }
    }
    long before = retainedHeap();
    long peak = 0;
    int rows = 0;
    try (Spreadsheet sheet = Spreadsheet.open(file, dir);
        RowReader reader = sheet.rows()) {
      while (reader.next() != null) {
        if (++rows % (ROWS / 2) == 0) {
          peak = Math.max(peak, retainedHeap());
        }
      }
    }
    assertThat(rows).isEqualTo(ROWS + 1);
    assertThat(peak - before).isLessThan(MAX_GROWTH);
  }

  private static long retainedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Sheet XML and a shared strings table as Excel writes them, streamed into the zip. */
  private static void writeWorkbook(Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_SPEED);
      part(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override"
              + " PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override"
              + " PartName=\"/xl/sharedStrings.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
      part(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      part(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
              + " name=\"Leads\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      part(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
              + " Target=\"sharedStrings.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      Writer sst = writer(zip);
      sst.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
      sst.write("<si><t>Name</t></si><si><t>Email</t></si><si><t>Phone</t></si>");
      for (int i = 1; i <= ROWS; i++) {
        sst.write("<si><t>Person " + i + "</t></si><si><t>person" + i + "@example.com</t></si>");
      }
      sst.write("</sst>");
      sst.flush();
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      Writer sheet = writer(zip);
      sheet.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
              + "<c r=\"C1\" t=\"s\"><v>2</v></c></row>");
      for (int i = 1; i <= ROWS; i++) {
        int r = i + 1;
        int name = 3 + (i - 1) * 2;
        sheet.write(
            "<row r=\""
                + r
                + "\"><c r=\"A"
                + r
                + "\" t=\"s\"><v>"
                + name
                + "</v></c><c r=\"B"
                + r
                + "\" t=\"s\"><v>"
                + (name + 1)
                + "</v></c><c r=\"C"
                + r
                + "\"><v>"
                + (2_015_550_000L + i)
                + "</v></c></row>");
      }
      sheet.write("</sheetData></worksheet>");
      sheet.flush();
      zip.closeEntry();
    }
  }

  private static Writer writer(ZipOutputStream zip) {
    return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
