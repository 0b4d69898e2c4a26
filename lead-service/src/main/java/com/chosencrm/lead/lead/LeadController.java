package com.chosencrm.lead.lead;

import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.paging.PageLimits;
import com.chosencrm.common.problem.InvalidRequestException;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.lead.LeadCommands.DuplicatePolicy;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Leads: create, read, list, search, change, delete and restore, and their history. Everyone with a
 * role in the tenant works here; what they see is decided per lead (agents their own, supervisors
 * their team's, admins all).
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

  private static final String ANY_ROLE = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')";

  private final LeadService leads;
  private final LeadQueries queries;

  LeadController(LeadService leads, LeadQueries queries) {
    this.leads = leads;
    this.queries = queries;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "409", description = "A duplicate of an existing lead")
  @ApiResponse(responseCode = "503", description = "Custom fields cannot be checked right now")
  @PreAuthorize(ANY_ROLE)
  ResponseEntity<LeadView> create(
      CurrentUser user,
      @Valid @RequestBody LeadRequests.CreateLead request,
      @RequestParam(defaultValue = "false") boolean allowDuplicate) {
    LeadView created = leads.create(user, request.toCommand(), policy(allowDuplicate));
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replaceQuery(null)
                .path("/{id}")
                .buildAndExpand(created.id())
                .toUri())
        .body(created);
  }

  @GetMapping
  @PreAuthorize(ANY_ROLE)
  CursorPage<LeadView> list(
      CurrentUser user,
      @ModelAttribute LeadFilter filter,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String direction,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return queries.list(user, filter, sort, direction, cursor, PageLimits.of(limit));
  }

  @GetMapping("/search")
  @PreAuthorize(ANY_ROLE)
  CursorPage<LeadView> search(
      CurrentUser user,
      @ModelAttribute LeadFilter filter,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    int size = limit == null ? 20 : PageLimits.of(limit);
    if (size > LeadQueries.SEARCH_MAX) {
      throw InvalidRequestException.field(
          "limit", "Search answers at most " + LeadQueries.SEARCH_MAX + " leads a page");
    }
    return queries.search(user, filter, q, cursor, size);
  }

  record PhoneMatches(String phoneE164, List<LeadView> items) {}

  /** For the call service: the caller's leads with this number (any common format accepted). */
  @GetMapping("/by-phone/{phone}")
  @PreAuthorize(ANY_ROLE)
  PhoneMatches byPhone(CurrentUser user, @PathVariable String phone) {
    String e164 =
        PhoneNumbers.toE164(phone)
            .orElseThrow(() -> InvalidRequestException.field("phone", "Not a valid phone number"));
    return new PhoneMatches(e164, queries.byPhone(user, e164));
  }

  @GetMapping("/{id}")
  @PreAuthorize(ANY_ROLE)
  LeadView get(CurrentUser user, @PathVariable UUID id) {
    return queries.get(user, id);
  }

  @PutMapping("/{id}")
  @ApiResponse(
      responseCode = "409",
      description = "The version is stale, or a duplicate of another lead")
  @ApiResponse(responseCode = "503", description = "Custom fields cannot be checked right now")
  @PreAuthorize(ANY_ROLE)
  LeadView update(
      CurrentUser user,
      @PathVariable UUID id,
      @Valid @RequestBody LeadRequests.UpdateLead request,
      @RequestParam(defaultValue = "false") boolean allowDuplicate) {
    return leads.update(user, id, request.toCommand(), policy(allowDuplicate));
  }

  /** Soft deletion; admins can restore for 30 days. Agents do not delete leads. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
    leads.delete(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/restore")
  @ApiResponse(responseCode = "422", description = "The lead was merged into another")
  @PreAuthorize("hasRole('ADMIN')")
  LeadView restore(CurrentUser admin, @PathVariable UUID id) {
    return leads.restore(admin, id);
  }

  @GetMapping("/{id}/history")
  @PreAuthorize(ANY_ROLE)
  CursorPage<LeadHistoryEntry> history(
      CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return queries.history(user, id, cursor, PageLimits.of(limit));
  }

  /** The Kanban move: a stage and, optionally, a position in its column. */
  @PutMapping("/{id}/status")
  @PreAuthorize(ANY_ROLE)
  LeadView changeStatus(
      CurrentUser user,
      @PathVariable UUID id,
      @Valid @RequestBody LeadRequests.ChangeStatus request) {
    return leads.changeStatus(user, id, request.status(), request.position());
  }

  @PutMapping("/{id}/do-not-contact")
  @PreAuthorize(ANY_ROLE)
  LeadView doNotContact(
      CurrentUser user,
      @PathVariable UUID id,
      @Valid @RequestBody LeadRequests.DoNotContact request) {
    return leads.setDoNotContact(user, id, request.doNotContact(), request.reason());
  }

  record DuplicateResult(int index, List<DuplicateMatch> duplicates) {}

  record DuplicateResults(List<DuplicateResult> results) {}

  /** Which candidates would be duplicates; for the form and the import preview. */
  @PostMapping("/duplicates/check")
  @PreAuthorize(ANY_ROLE)
  DuplicateResults checkDuplicates(
      CurrentUser user, @Valid @RequestBody LeadRequests.DuplicateCheck request) {
    List<List<DuplicateMatch>> found =
        leads.findDuplicates(
            user.tenantId(),
            request.candidates().stream()
                .map(c -> new LeadService.ContactDetails(c.email(), c.phone()))
                .toList());
    return new DuplicateResults(
        IntStream.range(0, found.size())
            .mapToObj(i -> new DuplicateResult(i, found.get(i)))
            .toList());
  }

  private static DuplicatePolicy policy(boolean allowDuplicate) {
    return allowDuplicate ? DuplicatePolicy.ALLOW : DuplicatePolicy.REJECT;
  }
}
