package com.chosencrm.lead.importing.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chosencrm.lead.importing.TestFiles;
import com.chosencrm.lead.importing.TestFiles.ExcelDate;
import com.chosencrm.lead.importing.TestFiles.Formula;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetTests {

  @TempDir Path dir;

  private List<SheetRow> read(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), content);
    try (Spreadsheet sheet = Spreadsheet.open(file, dir);
        RowReader rows = sheet.rows()) {
      List<SheetRow> all = new ArrayList<>();
      SheetRow row;
      while ((row = rows.next()) != null) {
        all.add(row);
      }
      return all;
    }
  }

  private static List<String> texts(SheetRow row) {
    return row.cells().stream().map(Cell::text).toList();
  }

  @Test
  void csvWithBomSemicolonsAndQuotedFields() throws IOException {
    String text =
        "First name;Last name;Notes\r\n"
            + "Ada;\"Lovelace; Countess\";\"Said \"\"hi\"\"\nand left\"\r\n"
            + "\r\n"
            + "Grace;Hopper;=1+2\r\n";
    List<SheetRow> rows = read(TestFiles.csv(text, StandardCharsets.UTF_8, true));

    assertThat(texts(rows.get(0))).containsExactly("First name", "Last name", "Notes");
    assertThat(texts(rows.get(1)))
        .containsExactly("Ada", "Lovelace; Countess", "Said \"hi\"\nand left");
    assertThat(rows.get(2).isBlank()).isTrue();
    assertThat(rows.get(3).number()).isEqualTo(5);
    assertThat(texts(rows.get(3))).containsExactly("Grace", "Hopper", "=1+2");
  }

  /** Workbooks written by other tools often have no text table: strings are stored in the cells. */
  @Test
  void workbookWithInlineStringsOnly() throws IOException {
    String sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>First name</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>Email</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Ada</t></is></c>"
            + "<c r=\"B2\" t=\"inlineStr\"><is><t>ada@example.test</t></is></c></row>"
            + "</sheetData></worksheet>";
    var bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      entry(
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
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
              + " name=\"Leads\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
      entry(zip, "xl/worksheets/sheet1.xml", sheet);
    }
    List<SheetRow> rows = read(bytes.toByteArray());

    assertThat(texts(rows.get(0))).containsExactly("First name", "Email");
    assertThat(texts(rows.get(1))).containsExactly("Ada", "ada@example.test");
  }

  private static void entry(java.util.zip.ZipOutputStream zip, String name, String xml)
      throws IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void csvFromExcelOnWindowsWithSepLine() throws IOException {
    String text = "sep=|\nName|City\nJos\u00e9|M\u00fcnchen\n";
    List<SheetRow> rows = read(TestFiles.csv(text, Charset.forName("windows-1252"), false));

    assertThat(texts(rows.get(0))).containsExactly("Name", "City");
    assertThat(rows.get(0).number()).isEqualTo(2);
    assertThat(texts(rows.get(1))).containsExactly("Jos\u00e9", "M\u00fcnchen");
  }

  @Test
  void csvRowCountIgnoresBlankLinesAndLineBreaksInQuotes() throws IOException {
    Path file = Files.write(dir.resolve("count.csv"), TestFiles.csv("a,b\n1,\"x\ny\"\n,\n\n2,3\n"));
    try (Spreadsheet sheet = Spreadsheet.open(file, dir)) {
      assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.CSV);
      assertThat(sheet.countRows()).isEqualTo(3);
    }
  }

  @Test
  void workbookCellsKeepTheirValuesAsText() throws IOException {
    byte[] xlsx =
        TestFiles.xlsx(
            List.of(
                List.of("Name", "Phone", "Amount", "Consent", "Formula", "Source"),
                Arrays.asList(
                    "Ada",
                    2015550123L,
                    425000.5,
                    new ExcelDate(LocalDate.of(2024, 3, 15)),
                    new Formula("A2&\" L\"", "Ada L"),
                    "Zillow"),
                List.of(),
                Arrays.asList(
                    "Grace", "+1 (201) 555-0199", 45366, true, new Formula("1+2", null), null),
                Arrays.asList("Linus", null, null, null, null, null)),
            "F2:F5");
    List<SheetRow> rows = read(xlsx);

    assertThat(texts(rows.get(0)))
        .containsExactly("Name", "Phone", "Amount", "Consent", "Formula", "Source");
    SheetRow ada = rows.get(1);
    assertThat(ada.number()).isEqualTo(2);
    assertThat(texts(ada))
        .containsExactly("Ada", "2015550123", "425000.5", "2024-03-15", "Ada L", "Zillow");
    assertThat(ada.cell(3).kind()).isEqualTo(Cell.Kind.DATE);
    assertThat(ada.cell(1).kind()).isEqualTo(Cell.Kind.NUMBER);
    SheetRow grace = rows.get(2);
    assertThat(grace.number()).isEqualTo(4);
    assertThat(texts(grace))
        .containsExactly("Grace", "+1 (201) 555-0199", "45366", "TRUE", "=1+2", "Zillow");
    assertThat(rows.get(3).cell(5).text()).as("merged down to row 5").isEqualTo("Zillow");
  }

  @Test
  void workbookRowCountComesFromAScanOfTheSheet() throws IOException {
    Path file =
        Files.write(
            dir.resolve("count.xlsx"),
            TestFiles.xlsx(List.of(List.of("a"), List.of("1"), List.of(), List.of("2"))));
    try (Spreadsheet sheet = Spreadsheet.open(file, dir)) {
      assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.XLSX);
      assertThat(sheet.sheetName()).isEqualTo("Leads");
      assertThat(sheet.countRows()).isEqualTo(3);
    }
  }

  private UnreadableFileException.Reason refusal(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("bad-" + System.nanoTime()), content);
    try (Spreadsheet sheet = Spreadsheet.open(file, dir)) {
      sheet.countRows();
      throw new AssertionError("The file was accepted");
    } catch (UnreadableFileException e) {
      return e.reason();
    }
  }

  @Test
  void refusesWhatItCannotRead() throws IOException {
    byte[] workbook = TestFiles.xlsx(List.of(List.of("Email"), List.of("a@b.co")));
    assertThat(refusal(TestFiles.encrypted(workbook)))
        .isEqualTo(UnreadableFileException.Reason.ENCRYPTED);
    assertThat(refusal(TestFiles.png()))
        .isEqualTo(UnreadableFileException.Reason.NOT_A_SPREADSHEET);
    assertThat(refusal(TestFiles.truncated(workbook)))
        .isEqualTo(UnreadableFileException.Reason.CORRUPT);
    assertThat(refusal(TestFiles.zipBomb())).isEqualTo(UnreadableFileException.Reason.ZIP_BOMB);
    assertThat(refusal(new byte[0])).isEqualTo(UnreadableFileException.Reason.EMPTY);
  }

  @Test
  void zipBombIsRefusedBeforeAnyRowIsRead() {
    assertThatThrownBy(
            () -> {
              Path file = Files.write(dir.resolve("bomb.xlsx"), TestFiles.zipBomb());
              try (Spreadsheet sheet = Spreadsheet.open(file, dir)) {
                sheet.rows();
              }
            })
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("zip bomb");
  }
}
