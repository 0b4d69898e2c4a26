package com.chosencrm.common.paging;

import com.chosencrm.common.problem.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The position after the last row of a page: the values of the sort key, last one the row's id as
 * tie-breaker. Encoded as base64url so clients treat it as opaque.
 */
public record Cursor(List<String> values) {

  private static final char SEPARATOR = '\u001F';

  public Cursor {
    values = List.copyOf(values);
  }

  public static Cursor of(Object... values) {
    List<String> strings = new ArrayList<>(values.length);
    for (Object value : values) {
      strings.add(value == null ? "" : value.toString());
    }
    return new Cursor(strings);
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a client's cursor, expecting {@code size} values.
   *
   * @throws InvalidRequestException (400, field {@code cursor}) if it was not made by us
   */
  public static Cursor decode(String encoded, int size) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      List<String> parts = List.of(raw.split(String.valueOf(SEPARATOR), -1));
      if (parts.size() != size) {
        throw new IllegalArgumentException("wrong arity");
      }
      return new Cursor(parts);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.field("cursor", "The cursor is not valid; start from page one");
    }
  }

  public String value(int index) {
    return values.get(index);
  }

  public UUID uuid(int index) {
    try {
      return UUID.fromString(values.get(index));
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.field("cursor", "The cursor is not valid; start from page one");
    }
  }
}
