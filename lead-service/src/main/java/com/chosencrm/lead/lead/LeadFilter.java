package com.chosencrm.lead.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which leads a list or a bulk action is about. Every criterion narrows the selection; within a
 * list criterion any value matches, except {@code tags}, where a lead must carry all of them.
 *
 * @param status stage names or ids
 * @param unassigned only leads without an assignee
 * @param teamId leads assigned to members of this team
 * @param createdFrom inclusive
 * @param createdTo exclusive
 * @param needsReassignment leads whose assignee was deactivated or deleted
 * @param deleted deleted leads instead of live ones (admins only; restorable for 30 days)
 * @param importId leads a spreadsheet import created or updated
 */
public record LeadFilter(
    List<String> status,
    List<UUID> assigneeId,
    Boolean unassigned,
    UUID teamId,
    List<String> source,
    List<String> state,
    List<String> loanPurpose,
    List<String> creditBand,
    Instant createdFrom,
    Instant createdTo,
    List<String> tags,
    Boolean doNotContact,
    Boolean needsReassignment,
    Boolean deleted,
    UUID importId) {

  public static LeadFilter none() {
    return new LeadFilter(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public boolean isDeleted() {
    return Boolean.TRUE.equals(deleted);
  }
}
