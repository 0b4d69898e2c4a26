package com.chosencrm.user.team;

import java.util.List;
import java.util.UUID;

/**
 * Published through the outbox whenever a team, its supervisor or its member list changes, with the
 * team as it stands afterwards (for {@code DELETED}: the members it had). A user moving between
 * teams changes both, so both are announced.
 */
public record TeamChanged(
    UUID teamId, String name, UUID supervisorId, List<UUID> memberIds, Change change) {

  public static final String TYPE = "TeamChanged";

  public enum Change {
    CREATED,
    UPDATED,
    DELETED,
    MEMBERS_CHANGED
  }
}
