package com.chosencrm.lead.pipeline;

/** Whether leads in a stage are still being worked, or closed one way or the other. */
public enum StageKind {
  OPEN,
  WON,
  LOST;

  /** The kind named (any case), or null for anything else. */
  public static StageKind parse(String value) {
    if (value == null) {
      return null;
    }
    for (StageKind kind : values()) {
      if (kind.name().equalsIgnoreCase(value.strip())) {
        return kind;
      }
    }
    return null;
  }
}
