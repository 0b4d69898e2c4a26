package com.chosencrm.common.paging;

import com.chosencrm.common.problem.InvalidRequestException;

/** The page sizes every list endpoint accepts. */
public final class PageLimits {

  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private PageLimits() {}

  /** A {@code limit} query parameter checked and defaulted; 400 outside 1..200. */
  public static int of(Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw InvalidRequestException.field("limit", "limit must be between 1 and " + MAX);
    }
    return requested;
  }
}
