package com.chosencrm.lead.importing.spreadsheet;

import com.chosencrm.lead.importing.spreadsheet.UnreadableFileException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * An uploaded file opened for reading: an {@code .xlsx} workbook (its first sheet) or a CSV file,
 * told apart by the content's magic bytes. Everything else is refused with a reason: another kind
 * of file, an old {@code .xls} or password-protected workbook (both OLE2 containers), a damaged
 * one, or a zip bomb (POI's {@code ZipSecureFile} limits stay on: entries expanding more than 100
 * times their compressed size are refused).
 */
public abstract sealed class Spreadsheet implements AutoCloseable {

  public static Spreadsheet open(Path file, Path workDir) {
    try {
      if (Files.size(file) == 0) {
        throw new UnreadableFileException(Reason.EMPTY, "The file is empty");
      }
      FileMagic magic;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        magic = FileMagic.valueOf(in);
      }
      return switch (magic) {
        case OOXML -> new Xlsx(file, workDir);
        case OLE2 -> throw ole2(file);
        case UNKNOWN -> new Csv(file);
        default ->
            throw new UnreadableFileException(
                Reason.NOT_A_SPREADSHEET,
                "This file is neither an Excel workbook (.xlsx) nor a CSV file");
      };
    } catch (IOException | RuntimeException e) {
      throw classify(e);
    }
  }

  public abstract SpreadsheetFormat format();

  /** The sheet read (the workbook's first); null for CSV. */
  public abstract String sheetName();

  /** The rows with content, at most (blank rows may be counted for workbooks). */
  public abstract int countRows();

  /** A reader from the first row; each call starts again. */
  public abstract RowReader rows();

  @Override
  public abstract void close();

  /** Refusals as such; zip bombs and damage found by POI as reasons, anything else as damage. */
  static UnreadableFileException classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableFileException unreadable) {
        return unreadable;
      }
      String message = t.getMessage();
      if (message != null
          && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
        return new UnreadableFileException(
            Reason.ZIP_BOMB,
            "The file expands to far more data than it seems to hold (a possible zip bomb) and"
                + " was refused",
            e);
      }
    }
    return new UnreadableFileException(
        Reason.CORRUPT,
        "The file is damaged or not a valid workbook; open it in Excel and save it again",
        e);
  }

  private static UnreadableFileException ole2(Path file) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        return new UnreadableFileException(
            Reason.ENCRYPTED,
            "The workbook is protected with a password; remove the password in Excel and upload"
                + " it again");
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return new UnreadableFileException(
            Reason.LEGACY_XLS,
            "Old Excel files (.xls) are not supported; save it as .xlsx or CSV and upload again");
      }
    }
    return new UnreadableFileException(
        Reason.NOT_A_SPREADSHEET, "This file is neither an Excel workbook (.xlsx) nor a CSV file");
  }

  static final class Csv extends Spreadsheet {
    private final Path file;
    private final CsvDialect dialect;

    Csv(Path file) throws IOException {
      this.file = file;
      this.dialect = CsvDialect.sniff(file);
    }

    @Override
    public SpreadsheetFormat format() {
      return SpreadsheetFormat.CSV;
    }

    @Override
    public String sheetName() {
      return null;
    }

    char delimiter() {
      return dialect.delimiter();
    }

    @Override
    public int countRows() {
      try {
        return CsvRowReader.countRows(file, dialect);
      } catch (IOException e) {
        throw classify(e);
      }
    }

    @Override
    public RowReader rows() {
      try {
        return new CsvRowReader(file, dialect);
      } catch (IOException e) {
        throw classify(e);
      }
    }

    @Override
    public void close() {}
  }

  static final class Xlsx extends Spreadsheet {
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final Path workDir;
    private final String sheetName;
    private final boolean date1904;
    private final boolean[] dateStyles;
    private SharedStrings strings;
    private SheetScan scan;

    Xlsx(Path file, Path workDir) throws IOException {
      this.workDir = workDir;
      try {
        this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      } catch (Exception e) {
        throw classify(e);
      }
      try {
        try {
          this.reader = new XSSFReader(pkg);
        } catch (Exception e) {
          UnreadableFileException cause = classify(e);
          throw cause.reason() == Reason.ZIP_BOMB
              ? cause
              : new UnreadableFileException(
                  Reason.NOT_A_SPREADSHEET,
                  "This file is an Office document but not an Excel workbook",
                  e);
        }
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        if (!sheets.hasNext()) {
          throw new UnreadableFileException(Reason.CORRUPT, "The workbook has no sheet");
        }
        try (InputStream first = sheets.next()) {
          this.sheetName = sheets.getSheetName();
        }
        this.date1904 = readDate1904(reader);
        this.dateStyles = dateStyles(reader.getStylesTable());
      } catch (Exception e) {
        pkg.revert();
        throw classify(e);
      }
    }

    @Override
    public SpreadsheetFormat format() {
      return SpreadsheetFormat.XLSX;
    }

    @Override
    public String sheetName() {
      return sheetName;
    }

    @Override
    public int countRows() {
      return scan().rows();
    }

    @Override
    public RowReader rows() {
      try {
        SheetScan merges = scan();
        return new XlsxRowReader(
            firstSheet(), strings(), dateStyles, date1904, new MergedRegions(merges.merges()));
      } catch (IOException | RuntimeException e) {
        throw classify(e);
      }
    }

    private SheetScan scan() {
      if (scan == null) {
        try (InputStream sheet = firstSheet()) {
          scan = SheetScan.of(sheet);
        } catch (IOException | RuntimeException e) {
          throw classify(e);
        }
      }
      return scan;
    }

    private SharedStrings strings() throws IOException {
      if (strings == null) {
        InputStream xml;
        try {
          xml = reader.getSharedStringsData();
        } catch (Exception noTable) {
          xml = null;
        }
        if (xml == null) {
          strings = SharedStrings.none(workDir);
        } else {
          try (InputStream in = xml) {
            strings = SharedStrings.spool(in, workDir);
          }
        }
      }
      return strings;
    }

    private InputStream firstSheet() throws IOException {
      try {
        Iterator<InputStream> sheets = reader.getSheetsData();
        return sheets.next();
      } catch (Exception e) {
        throw new IOException("The workbook's first sheet cannot be read", e);
      }
    }

    private static boolean readDate1904(XSSFReader reader) throws Exception {
      try (InputStream workbook = reader.getWorkbookData()) {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
        try {
          while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
              String name = xml.getLocalName();
              if ("workbookPr".equals(name)) {
                String value = xml.getAttributeValue(null, "date1904");
                return "1".equals(value) || "true".equalsIgnoreCase(value);
              }
              if ("sheets".equals(name)) {
                return false;
              }
            }
          }
          return false;
        } catch (XMLStreamException e) {
          throw new IOException("The workbook's XML is damaged", e);
        } finally {
          xml.close();
        }
      }
    }

    private static boolean[] dateStyles(StylesTable styles) {
      if (styles == null) {
        return new boolean[0];
      }
      int count = styles.getNumCellStyles();
      boolean[] dates = new boolean[count];
      for (int i = 0; i < count; i++) {
        XSSFCellStyle style = styles.getStyleAt(i);
        if (style != null) {
          dates[i] = DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
      }
      return dates;
    }

    @Override
    public void close() {
      if (strings != null) {
        strings.close();
      }
      pkg.revert();
    }
  }
}
