package com.chosencrm.user.customfield;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
 * Custom field definitions. Admins define them; everyone in the tenant reads them (forms are built
 * from them), and other services call {@code /validate} with the user's token before they store a
 * record's values.
 */
@RestController
@RequestMapping("/api/settings/custom-fields")
class CustomFieldController {

  private final CustomFieldService customFields;

  CustomFieldController(CustomFieldService customFields) {
    this.customFields = customFields;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
  List<CustomFieldDefinition> list(
      CurrentUser user, @RequestParam(required = false) EntityType entity) {
    return customFields.list(user.tenantId(), entity);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "409", description = "The key is taken")
  @ApiResponse(responseCode = "422", description = "The entity has its maximum of fields")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<CustomFieldDefinition> create(
      CurrentUser user, @Valid @RequestBody CustomFieldRequests.Create request) {
    CustomFieldDefinition created = customFields.create(user, request.toCommand());
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(created.id())
                .toUri())
        .body(created);
  }

  @PutMapping("/{id}")
  @ApiResponse(responseCode = "422", description = "The key or the type would change")
  @PreAuthorize("hasRole('ADMIN')")
  CustomFieldDefinition update(
      CurrentUser user,
      @PathVariable UUID id,
      @Valid @RequestBody CustomFieldRequests.Update request) {
    return customFields.update(user, id, request.toCommand());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
    customFields.delete(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/validate")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
  CustomFieldRequests.Validated validate(
      CurrentUser user, @Valid @RequestBody CustomFieldRequests.Validate request) {
    EntityType entity = EntityType.valueOf(request.entity());
    return new CustomFieldRequests.Validated(
        entity, customFields.validate(user.tenantId(), entity, request.values()));
  }
}
