package com.chosencrm.lead.importing;

import com.chosencrm.common.events.EventPublisher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What imports announce (catalogue: docs/events.md). One event per import, not one per lead: a
 * million {@code LeadCreated} events would flood every consumer and push everything else out of the
 * capped stream. Consumers that keep lead copies list the import's leads with {@code GET
 * /api/leads?importId=}.
 */
@Component
class ImportEvents {

  static final String LEADS_IMPORTED = "LeadsImported";
  static final String LEADS_IMPORT_UNDONE = "LeadsImportUndone";

  /**
   * @param state how the import ended: COMPLETED, FAILED or CANCELLED (the counts are what it wrote
   *     until then)
   */
  record LeadsImported(
      UUID importId,
      int created,
      int updated,
      int skipped,
      int failed,
      UUID actorId,
      String state) {}

  record LeadsImportUndone(UUID importId, int removed, int kept, UUID actorId) {}

  private final EventPublisher publisher;

  ImportEvents(EventPublisher publisher) {
    this.publisher = publisher;
  }

  void imported(UUID tenantId, LeadsImported event) {
    publisher.publish(LEADS_IMPORTED, tenantId, event.importId(), event);
  }

  void undone(UUID tenantId, LeadsImportUndone event) {
    publisher.publish(LEADS_IMPORT_UNDONE, tenantId, event.importId(), event);
  }
}
