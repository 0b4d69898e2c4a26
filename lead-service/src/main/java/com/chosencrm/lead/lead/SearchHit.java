package com.chosencrm.lead.lead;

import com.chosencrm.common.paging.Cursor;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A lead found by search: containing the term (with its creation time) or resembling it. */
record SearchHit(UUID id, Instant createdAt, BigDecimal score) {

  static SearchHit containing(ResultSet rs) throws SQLException {
    return new SearchHit(
        rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(), null);
  }

  static SearchHit resembling(ResultSet rs) throws SQLException {
    return new SearchHit(rs.getObject("id", UUID.class), null, rs.getBigDecimal("score"));
  }

  /** The cursor of a page that ends with this hit. */
  Cursor cursor(SearchTerm term) {
    return createdAt != null
        ? Cursor.of(term.text(), SearchPosition.CONTAINS, createdAt, id)
        : Cursor.of(term.text(), SearchPosition.SIMILAR, score.toPlainString(), id);
  }
}
