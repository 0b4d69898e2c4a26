package com.chosencrm.lead.pipeline;

import java.util.UUID;

/** A pipeline stage as the rest of the service and the API see it. */
public record Stage(UUID id, String name, StageKind kind, int position) {

  public boolean isOpen() {
    return kind == StageKind.OPEN;
  }
}
