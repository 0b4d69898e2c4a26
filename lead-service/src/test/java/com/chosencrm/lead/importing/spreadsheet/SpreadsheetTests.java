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
