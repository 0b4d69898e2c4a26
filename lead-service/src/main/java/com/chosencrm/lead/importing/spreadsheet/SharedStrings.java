package com.chosencrm.lead.importing.spreadsheet;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * A workbook's shared strings table, spooled to two files next to the upload (the UTF-8 text, and
 * the offset of each string) and read back through memory maps. Excel puts every distinct text of a
 * workbook in this table, so for a million-row sheet it can hold millions of strings: kept on the
 * heap (as POI's own tables are) it would make memory grow with the file.
 */
final class SharedStrings implements AutoCloseable {

  private static final int CACHE_SIZE = 4096;

  private final Path textFile;
  private final Path offsetFile;
  private final int count;
  private final MappedByteBuffer text;
  private final MappedByteBuffer offsets;
  private final String[] cache = new String[CACHE_SIZE];
  private final int[] cached = new int[CACHE_SIZE];
  private byte[] scratch = new byte[256];

  private SharedStrings(Path textFile, Path offsetFile, int count) throws IOException {
    this.textFile = textFile;
    this.offsetFile = offsetFile;
    this.count = count;
    this.text = map(textFile);
    this.offsets = map(offsetFile);
    java.util.Arrays.fill(cached, -1);
  }

  /** For workbooks without a text table (inline strings only): nothing to parse. */
  static SharedStrings none(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    return new SharedStrings(
        Files.createTempFile(workDir, "sst", ".txt"),
        Files.createTempFile(workDir, "sst", ".idx"),
        0);
  }

  /** Reads {@code sharedStrings.xml}; rich text runs are joined, phonetic hints left out. */
  static SharedStrings spool(InputStream xml, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path textFile = Files.createTempFile(workDir, "sst", ".txt");
    Path offsetFile = Files.createTempFile(workDir, "sst", ".idx");
    int count = 0;
    try (OutputStream textOut = new BufferedOutputStream(Files.newOutputStream(textFile), 1 << 16);
        DataOutputStream offsetOut =
            new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(offsetFile), 1 << 16))) {
      long written = 0;
      XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(xml);
      try {
        StringBuilder item = new StringBuilder();
        int phonetic = 0;
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
              case "si" -> item.setLength(0);
              case "rPh" -> phonetic++;
              case "t" -> {
                String t = reader.getElementText();
                if (phonetic == 0) {
                  item.append(t);
                }
              }
              default -> {}
            }
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            switch (reader.getLocalName()) {
              case "rPh" -> phonetic--;
              case "si" -> {
                byte[] bytes = item.toString().getBytes(StandardCharsets.UTF_8);
                offsetOut.writeLong(written);
                textOut.write(bytes);
                written += bytes.length;
                count++;
              }
              default -> {}
            }
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      delete(textFile, offsetFile);
      throw new UnreadableFileException(
          UnreadableFileException.Reason.CORRUPT,
          "The workbook's text table is damaged; open the file in Excel and save it again",
          e);
    } catch (IOException | RuntimeException e) {
      delete(textFile, offsetFile);
      throw e;
    }
    return new SharedStrings(textFile, offsetFile, count);
  }

  String get(int index) {
    if (index < 0 || index >= count) {
      return "";
    }
    int slot = index & (CACHE_SIZE - 1);
    if (cached[slot] == index) {
      return cache[slot];
    }
    long start = offsets.getLong(index * 8);
    long end = index + 1 < count ? offsets.getLong((index + 1) * 8) : text.limit();
    int length = (int) (end - start);
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    text.get((int) start, scratch, 0, length);
    String value = new String(scratch, 0, length, StandardCharsets.UTF_8);
    cached[slot] = index;
    cache[slot] = value;
    return value;
  }

  int size() {
    return count;
  }

  private static MappedByteBuffer map(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() > Integer.MAX_VALUE) {
        throw new UnreadableFileException(
            UnreadableFileException.Reason.ZIP_BOMB,
            "The workbook holds more text than an import can take");
      }
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }
  }

  @Override
  public void close() {
    // The maps stay valid until collected; on Linux deleting the files now is safe.
    delete(textFile, offsetFile);
  }

  private static void delete(Path... files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A temporary file left behind is removed with the storage directory's cleanup.
      }
    }
  }
}
