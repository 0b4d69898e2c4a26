package com.chosencrm.lead.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets for tests, made in memory with POI the way Excel would write them. */
public final class TestFiles {

  private TestFiles() {}

  /** A formula cell: its text, and the result Excel cached for it. */
  public record Formula(String formula, String cachedResult) {}

  /** A cell holding an Excel date (a serial number in a date format). */
  public record ExcelDate(LocalDate date) {}

  /**
   * A workbook whose first sheet holds the rows: String, Number, Boolean, {@link ExcelDate} and
   * {@link Formula} values; null leaves a cell empty, and an empty list leaves a row blank.
   *
   * @param merges regions such as {@code "E2:E4"}
   */
  public static byte[] xlsx(List<List<Object>> rows, String... merges) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("Leads");
      CreationHelper helper = workbook.getCreationHelper();
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(helper.createDataFormat().getFormat("m/d/yyyy"));
      for (int r = 0; r < rows.size(); r++) {
        List<Object> values = rows.get(r);
        if (values.isEmpty()) {
          continue;
        }
        XSSFRow row = sheet.createRow(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value == null) {
            continue;
          }
          XSSFCell cell = row.createCell(c);
          switch (value) {
            case String s -> cell.setCellValue(s);
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b);
            case ExcelDate d -> {
              cell.setCellValue(d.date());
              cell.setCellStyle(dateStyle);
            }
            case Formula f -> {
              cell.setCellFormula(f.formula());
              if (f.cachedResult() != null) {
                cell.getCTCell().setV(f.cachedResult());
                cell.getCTCell()
                    .setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.STR);
              }
            }
            default -> throw new IllegalArgumentException("Unsupported test value " + value);
          }
        }
      }
      for (String merge : merges) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(merge));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] csv(String text, Charset charset, boolean bom) {
    byte[] body = text.getBytes(charset);
    if (!bom) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(body);
    return out.toByteArray();
  }

  public static byte[] csv(String text) {
    return csv(text, StandardCharsets.UTF_8, false);
  }

  /** The workbook encrypted with a password, as Excel's "Encrypt with password" saves it. */
  public static byte[] encrypted(byte[] xlsx) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream os = encryptor.getDataStream(fs)) {
        os.write(xlsx);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A well-formed workbook whose sheet expands from a few KB to many MB: a header row, then
   * megabytes of whitespace. POI refuses entries that expand more than 100 times.
   */
  public static byte[] zipBomb() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        entry(
            zip,
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>""");
        entry(
            zip,
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>""");
        entry(
            zip,
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        entry(
            zip,
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>""");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        zip.write(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                    + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c></row>")
                .getBytes(StandardCharsets.UTF_8));
        byte[] blanks = new byte[1024 * 1024];
        java.util.Arrays.fill(blanks, (byte) ' ');
        for (int i = 0; i < 40; i++) {
          zip.write(blanks);
        }
        zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** The first bytes of a PNG image, then noise. */
  public static byte[] png() {
    byte[] bytes = new byte[2048];
    new java.util.Random(7).nextBytes(bytes);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(signature, 0, bytes, 0, signature.length);
    return bytes;
  }

  /** The start of a real workbook, cut off: the zip directory at the end is missing. */
  public static byte[] truncated(byte[] xlsx) {
    return java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
  }
}
