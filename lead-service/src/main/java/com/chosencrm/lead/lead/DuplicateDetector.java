package com.chosencrm.lead.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds live leads of the tenant with the same email (case-insensitive) or phone number (E.164) as
 * a candidate. Deleted leads do not count: deleting one and entering it again is allowed. The whole
 * tenant is searched, whoever can see the match, because a duplicate is a tenant's problem.
 */
@Component
class DuplicateDetector {

  /** A candidate's normalised contact details. */
  record Candidate(String emailNormalized, String phoneE164) {
    boolean isEmpty() {
      return emailNormalized == null && phoneE164 == null;
    }
  }

  private final JdbcClient jdbc;

  DuplicateDetector(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The matches of each candidate, in the candidates' order. Emails and phones are looked up
   * separately, so that each uses its index even for the thousand candidates of an import batch.
   *
   * @param excluded leads that never count (the lead being updated)
   */
  @Transactional(readOnly = true)
  List<List<DuplicateMatch>> find(
      UUID tenantId, List<Candidate> candidates, Collection<UUID> excluded) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      if (c.emailNormalized() != null) {
        emails.add(c.emailNormalized());
      }
      if (c.phoneE164() != null) {
        phones.add(c.phoneE164());
      }
    }
    // One index probe per value (the lateral subquery cannot be flattened into a join). As
    // `= any(:values)`, the planner guessed from missing or stale statistics (a tenant's leads
    // grow by thousands a second during an import) that a thousand values match most of the
    // tenant, and scanned all of its leads for every batch.
    List<Existing> existing =
        emails.isEmpty() && phones.isEmpty()
            ? List.of()
            : jdbc.sql(
                    """
                    select l.id, l.email_normalized, l.phone_e164
                      from unnest(cast(:emails as text[])) as c(email)
                     cross join lateral (
                           select id, email_normalized, phone_e164 from lead
                            where tenant_id = :tenantId and deleted_at is null
                              and email_normalized = c.email and id <> all(:excluded)
                           offset 0) l
                    union
                    select l.id, l.email_normalized, l.phone_e164
                      from unnest(cast(:phones as text[])) as c(phone)
                     cross join lateral (
                           select id, email_normalized, phone_e164 from lead
                            where tenant_id = :tenantId and deleted_at is null
                              and phone_e164 = c.phone and id <> all(:excluded)
                           offset 0) l
                     order by 1
                    """)
                .param("tenantId", tenantId)
                .param("emails", emails.toArray(String[]::new))
                .param("phones", phones.toArray(String[]::new))
                .param("excluded", excluded.toArray(UUID[]::new))
                .query(
                    (rs, n) ->
                        new Existing(
                            rs.getObject("id", UUID.class),
                            rs.getString("email_normalized"),
                            rs.getString("phone_e164")))
                .list();
    List<List<DuplicateMatch>> result = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Map<UUID, Set<DuplicateMatch.MatchedOn>> matches = new LinkedHashMap<>();
      for (Existing lead : existing) {
        if (candidate.emailNormalized() != null
            && Objects.equals(candidate.emailNormalized(), lead.email())) {
          matches
              .computeIfAbsent(lead.id(), id -> new LinkedHashSet<>())
              .add(DuplicateMatch.MatchedOn.EMAIL);
        }
        if (candidate.phoneE164() != null && Objects.equals(candidate.phoneE164(), lead.phone())) {
          matches
              .computeIfAbsent(lead.id(), id -> new LinkedHashSet<>())
              .add(DuplicateMatch.MatchedOn.PHONE);
        }
      }
      result.add(
          matches.entrySet().stream()
              .map(e -> new DuplicateMatch(e.getKey(), e.getValue()))
              .toList());
    }
    return result;
  }

  private record Existing(UUID id, String email, String phone) {}
}
