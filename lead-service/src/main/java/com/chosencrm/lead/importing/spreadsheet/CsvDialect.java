package com.chosencrm.lead.importing.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a delimited text file is written, worked out from its first 64 KB: the encoding (a byte order
 * mark wins; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252, which is what Excel
 * on Windows saves "CSV"), and the delimiter (Excel's {@code sep=;} first line, else the one of
 * {@code , ; TAB |} that occurs most often in the header line outside quotes).
 *
 * @param bomLength bytes to skip at the start
 * @param skipFirstLine the file starts with Excel's {@code sep=} line
 */
record CsvDialect(Charset charset, int bomLength, char delimiter, boolean skipFirstLine) {

  static final int SAMPLE = 64 * 1024;
  private static final char[] CANDIDATES = {',', ';', '\t', '|'};
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static CsvDialect sniff(Path file) throws IOException {
    byte[] sample;
    try (InputStream in = Files.newInputStream(file)) {
      sample = in.readNBytes(SAMPLE);
    }
    boolean whole = sample.length < SAMPLE;
    Charset charset;
    int bom = 0;
    if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(sample, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(sample, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else {
      if (!looksLikeText(sample)) {
        throw new UnreadableFileException(
            UnreadableFileException.Reason.NOT_A_SPREADSHEET,
            "This file is neither an Excel workbook (.xlsx) nor a CSV file");
      }
      charset = isUtf8(sample, whole) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    String text = decode(sample, bom, charset);
    String firstLine = firstLine(text);
    if (firstLine.length() == 5 && firstLine.regionMatches(true, 0, "sep=", 0, 4)) {
      return new CsvDialect(charset, bom, firstLine.charAt(4), true);
    }
    return new CsvDialect(charset, bom, delimiterOf(firstLine), false);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Text has no NUL bytes and few control characters besides tab and line breaks. */
  private static boolean looksLikeText(byte[] sample) {
    int control = 0;
    for (byte b : sample) {
      int c = b & 0xFF;
      if (c == 0) {
        return false;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        control++;
      }
    }
    return control <= sample.length / 100;
  }

  private static boolean isUtf8(byte[] sample, boolean whole) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(sample);
    CharBuffer out = CharBuffer.allocate(sample.length);
    var result = decoder.decode(in, out, whole);
    // A sample cut in the middle of a character leaves an underflow, not an error.
    return !result.isError();
  }

  private static String decode(byte[] sample, int bom, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(sample, bom, sample.length - bom))
          .toString();
    } catch (CharacterCodingException e) {
      return "";
    }
  }

  private static String firstLine(String text) {
    int end = 0;
    boolean quoted = false;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      }
      end++;
    }
    return text.substring(0, end);
  }

  private static char delimiterOf(String line) {
    char best = ',';
    int bestCount = 0;
    for (char candidate : CANDIDATES) {
      int count = 0;
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == candidate) {
          count++;
        }
      }
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
}
