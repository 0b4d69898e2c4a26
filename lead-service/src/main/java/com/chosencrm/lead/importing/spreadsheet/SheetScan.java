package com.chosencrm.lead.importing.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast pass over a worksheet's XML that only looks at tag names: it counts the rows that have
 * content and collects the merged regions, which Excel writes after all the rows. Reading the whole
 * entry also lets POI's zip bomb guard judge it before any job exists.
 *
 * @param rows rows written with an end tag (an empty {@code <row/>} does not count); an upper bound
 *     of the non-blank rows
 */
record SheetScan(int rows, List<MergedRegions.Region> merges) {

  private static final Pattern REF = Pattern.compile("\\bref\\s*=\\s*[\"']([^\"']+)[\"']");

  static SheetScan of(InputStream sheet) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    byte[] name = new byte[64];
    StringBuilder attributes = new StringBuilder();
    List<MergedRegions.Region> merges = new ArrayList<>();
    int rows = 0;
    // 0: text; 1: reading a tag name; 2: reading a mergeCell's attributes
    int state = 0;
    int nameLength = 0;
    int n;
    while ((n = sheet.read(chunk)) > 0) {
      for (int i = 0; i < n; i++) {
        byte b = chunk[i];
        switch (state) {
          case 0 -> {
            if (b == '<') {
              state = 1;
              nameLength = 0;
            }
          }
          case 1 -> {
            if (b == '>'
                || b == ' '
                || b == '/' && nameLength > 0
                || b == '\t'
                || b == '\n'
                || b == '\r') {
              if (isEnd(name, nameLength, "row")) {
                rows++;
                state = 0;
              } else if (b != '>' && isStart(name, nameLength, "mergeCell")) {
                state = 2;
                attributes.setLength(0);
              } else {
                state = 0;
              }
            } else if (nameLength < name.length) {
              name[nameLength++] = b;
            }
          }
          default -> {
            if (b == '>') {
              Matcher ref = REF.matcher(attributes);
              if (ref.find() && merges.size() < MergedRegions.MAX_REGIONS) {
                MergedRegions.Region region = MergedRegions.parse(ref.group(1).replace("$", ""));
                if (region != null) {
                  merges.add(region);
                }
              }
              state = 0;
            } else if (attributes.length() < 512) {
              attributes.append((char) b);
            }
          }
        }
      }
    }
    return new SheetScan(rows, merges);
  }

  /** {@code /row} or {@code /x:row}. */
  private static boolean isEnd(byte[] name, int length, String local) {
    return length > 0 && name[0] == '/' && localNameIs(name, 1, length, local);
  }

  private static boolean isStart(byte[] name, int length, String local) {
    return length > 0 && name[0] != '/' && localNameIs(name, 0, length, local);
  }

  private static boolean localNameIs(byte[] name, int from, int length, String local) {
    int start = length - local.length();
    if (start < from || start > from && name[start - 1] != ':') {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      if (name[start + i] != local.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
