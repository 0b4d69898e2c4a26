package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 409 with the leads the new one duplicates, so the client can open them, merge, or send it again
 * with {@code allowDuplicate=true}.
 */
class DuplicateLeadException extends ApiException {

  static final java.net.URI TYPE = ProblemTypes.of("duplicate-lead");

  DuplicateLeadException(List<DuplicateMatch> duplicates) {
    super(
        HttpStatus.CONFLICT,
        TYPE,
        "Duplicate lead",
        duplicates.size() == 1
            ? "A lead with the same "
                + String.join(
                    " and ",
                    duplicates.getFirst().matchedOn().stream()
                        .map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                        .toList())
                + " already exists: "
                + duplicates.getFirst().leadId()
            : duplicates.size() + " leads with the same email or phone already exist",
        Map.of("duplicates", duplicates));
  }
}
