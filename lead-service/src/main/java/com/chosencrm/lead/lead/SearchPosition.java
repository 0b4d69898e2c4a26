package com.chosencrm.lead.lead;

import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.problem.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of search results starts: among the leads containing the term (after the one created
 * at {@code createdAt} with {@code id}; from the newest when both are null), or among those
 * resembling it (after {@code score} and {@code id}; from the most similar when both are null).
 */
record SearchPosition(boolean inContains, Instant createdAt, BigDecimal score, UUID id) {

  static final SearchPosition CONTAINS_START = new SearchPosition(true, null, null, null);
  static final SearchPosition SIMILAR_START = new SearchPosition(false, null, null, null);

  static final String CONTAINS = "c";
  static final String SIMILAR = "s";

  /** The position a client's cursor names; it must have been made for the same term. */
  static SearchPosition decode(String cursor, SearchTerm term) {
    if (cursor == null || cursor.isBlank()) {
      return CONTAINS_START;
    }
    Cursor position = Cursor.decode(cursor, 4);
    if (!term.text().equals(position.value(0))) {
      throw InvalidRequestException.field(
          "cursor", "The cursor belongs to another search; start from page one");
    }
    UUID id = position.uuid(3);
    try {
      return switch (position.value(1)) {
        case CONTAINS -> new SearchPosition(true, Instant.parse(position.value(2)), null, id);
        case SIMILAR -> new SearchPosition(false, null, new BigDecimal(position.value(2)), id);
        default -> throw new IllegalArgumentException("phase");
      };
    } catch (RuntimeException e) {
      throw InvalidRequestException.field("cursor", "The cursor is not valid; start from page one");
    }
  }
}
