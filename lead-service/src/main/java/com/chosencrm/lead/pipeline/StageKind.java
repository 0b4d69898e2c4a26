package com.chosencrm.lead.pipeline;

/** Whether leads in a stage are still being worked, or closed one way or the other. */
public enum StageKind {
  OPEN,
  WON,
  LOST
}
