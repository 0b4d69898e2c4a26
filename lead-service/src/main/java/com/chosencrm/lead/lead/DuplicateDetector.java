package com.chosencrm.lead.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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

  /**
   * One index probe per email and phone, by the contact alone: the lateral subquery with OFFSET 0
   * can neither be flattened into a join nor take the tenant condition in, so only the contact
   * indexes can answer it, whatever the statistics say about the tenant (migration V5 tells the
   * plan this replaces). The tenant is checked on the rows found.
   */
  static final String PROBE =
      probe("email_normalized", "emails")
          + " union "
          + probe("phone_e164", "phones")
          + " order by 1";

  /** The leads whose {@code column} is one of the {@code values}, each looked up on its own. */
  private static String probe(String column, String values) {
    return """
        select l.id, l.email_normalized, l.phone_e164
          from unnest(cast(:%2$s as text[])) as c(value)
         cross join lateral (
               select id, tenant_id, email_normalized, phone_e164 from lead
                where %1$s = c.value and deleted_at is null
               offset 0) l
         where l.tenant_id = :tenantId and l.id <> all(:excluded)
        """
        .formatted(column, values);
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
    List<Existing> existing =
        emails.isEmpty() && phones.isEmpty()
            ? List.of()
            : jdbc.sql(PROBE)
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
    // Matches by value, each lead by its place in the answer (ordered by id), so that a batch of a
    // thousand candidates is not compared with every lead found.
    Map<String, List<Integer>> byEmail = new HashMap<>();
    Map<String, List<Integer>> byPhone = new HashMap<>();
    for (int k = 0; k < existing.size(); k++) {
      Existing lead = existing.get(k);
      if (lead.email() != null) {
        byEmail.computeIfAbsent(lead.email(), e -> new ArrayList<>()).add(k);
      }
      if (lead.phone() != null) {
        byPhone.computeIfAbsent(lead.phone(), e -> new ArrayList<>()).add(k);
      }
    }
    List<List<DuplicateMatch>> result = new ArrayList<>();
    for (Candidate candidate : candidates) {
      SortedMap<Integer, Set<DuplicateMatch.MatchedOn>> matches = new TreeMap<>();
      if (candidate.emailNormalized() != null) {
        for (int k : byEmail.getOrDefault(candidate.emailNormalized(), List.of())) {
          matches
              .computeIfAbsent(k, i -> new LinkedHashSet<>())
              .add(DuplicateMatch.MatchedOn.EMAIL);
        }
      }
      if (candidate.phoneE164() != null) {
        for (int k : byPhone.getOrDefault(candidate.phoneE164(), List.of())) {
          matches
              .computeIfAbsent(k, i -> new LinkedHashSet<>())
              .add(DuplicateMatch.MatchedOn.PHONE);
        }
      }
      result.add(
          matches.entrySet().stream()
              .map(e -> new DuplicateMatch(existing.get(e.getKey()).id(), e.getValue()))
              .toList());
    }
    return result;
  }

  private record Existing(UUID id, String email, String phone) {}
}
