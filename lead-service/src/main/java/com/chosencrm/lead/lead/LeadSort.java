package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.InvalidRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a lead list can come in. Each is a keyset on (key, id) with an index of its own, so
 * every page costs the same. Leads without a loan amount sort as the smallest amounts.
 */
enum LeadSort {
  CREATED_AT("createdAt", "l.created_at"),
  UPDATED_AT("updatedAt", "l.updated_at"),
  /** Last name, then first name, case-insensitive. */
  NAME("name", "l.sort_name"),
  LOAN_AMOUNT("loanAmount", "coalesce(l.loan_amount, -1)"),
  /** The order of the cards in a Kanban column. */
  POSITION("position", "l.board_rank");

  private final String parameter;
  private final String expression;

  LeadSort(String parameter, String expression) {
    this.parameter = parameter;
    this.expression = expression;
  }

  String parameter() {
    return parameter;
  }

  String expression() {
    return expression;
  }

  static LeadSort parse(String value) {
    if (value == null || value.isBlank()) {
      return CREATED_AT;
    }
    return Arrays.stream(values())
        .filter(s -> s.parameter.equalsIgnoreCase(value.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidRequestException.field(
                    "sort",
                    "Sort by "
                        + Arrays.stream(values())
                            .map(LeadSort::parameter)
                            .collect(Collectors.joining(", "))));
  }

  /** True for descending; the default is newest (or largest) first, except for board order. */
  static boolean descending(String direction, LeadSort sort) {
    if (direction == null || direction.isBlank()) {
      return sort != NAME && sort != POSITION;
    }
    return switch (direction.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "desc" -> true;
      case "asc" -> false;
      default -> throw InvalidRequestException.field("direction", "Direction is asc or desc");
    };
  }
}
