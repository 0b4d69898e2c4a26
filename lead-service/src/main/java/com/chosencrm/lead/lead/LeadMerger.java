package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.problem.InvalidRequestException.FieldError;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.assignment.AssignmentLog;
import com.chosencrm.lead.lead.LeadDetails.ConsentRecord;
import com.chosencrm.lead.lead.LeadEvents.LeadDeleted;
import com.chosencrm.lead.lead.LeadEvents.LeadsMerged;
import com.chosencrm.lead.lead.LeadHistory.Action;
import com.chosencrm.lead.lead.LeadHistory.Entry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the lead that survives. Unless the caller chooses otherwise per field,
 * the survivor keeps its values and takes the duplicate's where it has none; tags and custom fields
 * are combined, notes kept from both, and a do-not-contact on either side stays (an opt-out is
 * never lost). Both histories end up on the survivor; the duplicate is soft-deleted with a
 * reference to it and cannot be restored.
 */
@Service
public class LeadMerger {

  /** Fields a caller may choose the duplicate's value for. */
  static final Set<String> CHOOSABLE =
      Set.of(
          "firstName",
          "lastName",
          "email",
          "phone",
          "source",
          "loanPurpose",
          "loanAmount",
          "propertyState",
          "creditBand",
          "notes",
          "consent");

  public enum Choice {
    SURVIVOR,
    DUPLICATE;

    /** The choice named (any case), or null for anything else. */
    public static Choice parse(String value) {
      if (value == null) {
        return null;
      }
      for (Choice choice : values()) {
        if (choice.name().equalsIgnoreCase(value.strip())) {
          return choice;
        }
      }
      return null;
    }
  }

  private final LeadService leadService;
  private final LeadRepository leads;
  private final LeadQueries queries;
  private final LeadHistory history;
  private final LeadEvents events;
  private final AssignmentLog assignmentLog;
  private final Clock clock;

  LeadMerger(
      LeadService leadService,
      LeadRepository leads,
      LeadQueries queries,
      LeadHistory history,
      LeadEvents events,
      AssignmentLog assignmentLog,
      Clock clock) {
    this.leadService = leadService;
    this.leads = leads;
    this.queries = queries;
    this.history = history;
    this.events = events;
    this.assignmentLog = assignmentLog;
    this.clock = clock;
  }

  @Transactional
  public LeadView merge(
      CurrentUser actor, UUID survivorId, UUID duplicateId, Map<String, Choice> fieldChoices) {
    if (survivorId.equals(duplicateId)) {
      throw InvalidRequestException.field("duplicateId", "A lead cannot be merged into itself");
    }
    Map<String, Choice> choices = fieldChoices == null ? Map.of() : fieldChoices;
    List<FieldError> errors = new ArrayList<>();
    choices.forEach(
        (field, choice) -> {
          if (!CHOOSABLE.contains(field)) {
            errors.add(
                new FieldError(
                    "fieldChoices." + field, "Not a field to choose; choose among " + CHOOSABLE));
          } else if (choice == null) {
            errors.add(new FieldError("fieldChoices." + field, "Choose SURVIVOR or DUPLICATE"));
          }
        });
    if (!errors.isEmpty()) {
      throw LeadService.invalid(errors);
    }
    UUID tenantId = actor.tenantId();
    Lead survivor = leadService.loadVisible(actor, survivorId);
    Lead duplicate = leadService.loadVisible(actor, duplicateId);
    Instant now = clock.instant();

    Map<String, Object> before = survivor.auditedFields();
    LeadDetails kept = survivor.details();
    LeadDetails other = duplicate.details();
    String survivorName = named(kept);
    String duplicateName = named(other);
    LeadDetails merged =
        new LeadDetails(
            pick(choices, "firstName", kept.firstName(), other.firstName()),
            pick(choices, "lastName", kept.lastName(), other.lastName()),
            pick(choices, "email", kept.email(), other.email()),
            pick(choices, "email", kept.emailNormalized(), other.emailNormalized()),
            pick(choices, "phone", kept.phone(), other.phone()),
            pick(choices, "phone", kept.phoneE164(), other.phoneE164()),
            pick(choices, "source", kept.source(), other.source()),
            pick(choices, "loanPurpose", kept.loanPurpose(), other.loanPurpose()),
            pick(choices, "loanAmount", kept.loanAmount(), other.loanAmount()),
            pick(choices, "propertyState", kept.propertyState(), other.propertyState()),
            pick(choices, "creditBand", kept.creditBand(), other.creditBand()),
            notes(choices.get("notes"), kept.notes(), other.notes()),
            union(kept.tags(), other.tags()),
            this.<ConsentRecord>pick(choices, "consent", kept.consent(), other.consent()));
    Map<String, Object> custom = new LinkedHashMap<>(duplicate.customFields());
    custom.putAll(survivor.customFields());
    survivor.apply(merged, custom);
    List<Entry> entries =
        new ArrayList<>(
            LeadHistory.changes(
                tenantId,
                survivorId,
                before,
                survivor.auditedFields(),
                actor.userId(),
                "Merged from " + duplicateName,
                now));
    List<String> changedFields = entries.stream().map(Entry::field).toList();
    if (duplicate.isDoNotContact() && !survivor.isDoNotContact()) {
      survivor.markDoNotContact(true, duplicate.doNotContactReason(), actor.userId(), now);
      entries.add(
          new Entry(
              tenantId,
              survivorId,
              Action.DO_NOT_CONTACT_CHANGED,
              "doNotContact",
              false,
              true,
              actor.userId(),
              duplicate.doNotContactReason(),
              now));
    }
    if (survivor.assigneeId() == null && duplicate.assigneeId() != null) {
      survivor.assignTo(duplicate.assigneeId(), now);
      entries.add(
          new Entry(
              tenantId,
              survivorId,
              Action.ASSIGNED,
              "assigneeId",
              null,
              duplicate.assigneeId(),
              actor.userId(),
              "Taken over from " + duplicateName + ", merged into this lead",
              now));
    }
    entries.add(
        new Entry(
            tenantId,
            survivorId,
            Action.MERGED,
            null,
            null,
            duplicateId,
            actor.userId(),
            duplicateName + " merged into this lead",
            now));
    survivor.touch(actor.userId(), now);
    duplicate.delete(actor.userId(), now, survivorId);
    duplicate.touch(actor.userId(), now);
    leads.flush();

    // The duplicate's past moves over first, then the merge itself is recorded on both.
    history.moveToLead(tenantId, duplicateId, survivorId);
    assignmentLog.moveToLead(tenantId, duplicateId, survivorId);
    entries.add(
        new Entry(
            tenantId,
            duplicateId,
            Action.MERGED_INTO,
            null,
            null,
            survivorId,
            actor.userId(),
            "Merged into " + survivorName,
            now));
    history.record(entries);

    LeadView view = queries.view(tenantId, survivorId);
    events.merged(
        tenantId, new LeadsMerged(survivorId, duplicateId, changedFields, actor.userId()));
    if (!changedFields.isEmpty()) {
      events.updated(tenantId, view, changedFields, actor.userId());
    }
    events.deleted(
        tenantId, new LeadDeleted(duplicateId, duplicate.assigneeId(), survivorId, actor.userId()));
    return view;
  }

  /**
   * How the history's reasons name a lead to people: its name, else its email or phone (the entries
   * carry the other lead's id as their value).
   */
  private static String named(LeadDetails details) {
    String name =
        ((details.firstName() == null ? "" : details.firstName())
                + " "
                + (details.lastName() == null ? "" : details.lastName()))
            .strip();
    if (!name.isEmpty()) {
      return name;
    }
    if (details.email() != null) {
      return details.email();
    }
    return details.phone() != null ? details.phone() : "a lead without a name or contact";
  }

  private <T> T pick(Map<String, Choice> choices, String field, T survivor, T duplicate) {
    Choice choice = choices.get(field);
    if (choice == Choice.DUPLICATE) {
      return duplicate;
    }
    if (choice == Choice.SURVIVOR) {
      return survivor;
    }
    return survivor != null ? survivor : duplicate;
  }

  private static String notes(Choice choice, String survivor, String duplicate) {
    if (choice == Choice.SURVIVOR) {
      return survivor;
    }
    if (choice == Choice.DUPLICATE) {
      return duplicate;
    }
    if (survivor == null || survivor.isBlank()) {
      return duplicate;
    }
    if (duplicate == null || duplicate.isBlank() || survivor.contains(duplicate)) {
      return survivor;
    }
    String both = survivor + "\n\n" + duplicate;
    return both.length() > LeadDetails.MAX_NOTES ? survivor : both;
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> tags = new LinkedHashSet<>(a);
    b.forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
    return List.copyOf(tags).subList(0, Math.min(tags.size(), LeadDetails.MAX_TAGS));
  }
}
