package com.chosencrm.lead.assignment;

/** What a matching rule does with the lead. */
public enum AssignmentAction {
  /** To one user. */
  USER,
  /** To the team's agents in turn. */
  TEAM_ROUND_ROBIN,
  /** To the team's agent with the fewest open leads. */
  TEAM_LEAST_OPEN;

  /** The action named (any case), or null for anything else. */
  public static AssignmentAction parse(String value) {
    if (value == null) {
      return null;
    }
    for (AssignmentAction action : values()) {
      if (action.name().equalsIgnoreCase(value.strip())) {
        return action;
      }
    }
    return null;
  }
}
