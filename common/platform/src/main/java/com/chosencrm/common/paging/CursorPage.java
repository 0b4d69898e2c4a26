package com.chosencrm.common.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list. {@code nextCursor} is opaque to clients and null on the last
 * page. Keyset paging costs the same on page 1 and page 10,000, unlike OFFSET.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

  public boolean hasMore() {
    return nextCursor != null;
  }

  /**
   * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells
   * whether there is a next page.
   */
  public static <R, T> CursorPage<T> fromRows(
      List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> toItem) {
    boolean more = rows.size() > limit;
    List<R> page = more ? rows.subList(0, limit) : rows;
    String next = more ? cursorOf.apply(page.getLast()).encode() : null;
    return new CursorPage<>(page.stream().map(toItem).toList(), next);
  }

  public <U> CursorPage<U> map(Function<T, U> mapper) {
    return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
