package com.chosencrm.common;

import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform library, to test what the library gives a service. */
@SpringBootApplication
public class PlatformTestApplication {

  @RestController
  static class ProbeController {

    @GetMapping("/api/probe/me")
    Map<String, Object> me(CurrentUser user) {
      return Map.of("userId", user.userId(), "tenantId", user.tenantId(), "roles", user.roles());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/probe/admin")
    Map<String, Object> adminOnly() {
      return Map.of("ok", true);
    }

    @GetMapping("/api/probe/things/{id}")
    Map<String, Object> thing(@PathVariable UUID id) {
      throw new NotFoundException("Thing", id);
    }

    @ApiResponse(responseCode = "409", description = "The thing exists")
    @PostMapping("/api/probe/things")
    Map<String, Object> create(@Valid @RequestBody ThingRequest request) {
      return Map.of("name", request.name());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "The name is taken")
    @PostMapping("/api/probe/gadgets")
    ResponseEntity<Gadget> createGadget(@Valid @RequestBody GadgetRequest request) {
      Gadget gadget = new Gadget(UUID.randomUUID(), request.name(), null, Optional.empty(), null);
      return ResponseEntity.created(URI.create("/api/probe/gadgets/" + gadget.id())).body(gadget);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/probe/gadgets/{id}")
    ResponseEntity<Void> deleteGadget(@PathVariable UUID id) {
      return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(
        responseCode = "202",
        description = "Accepted",
        headers = @Header(name = "Location", description = "Where to follow the job"))
    @PostMapping("/api/probe/gadgets/{id}/polish")
    ResponseEntity<Gadget> polish(@PathVariable UUID id) {
      return ResponseEntity.accepted()
          .location(URI.create("/api/probe/gadgets/" + id))
          .body(new Gadget(id, "polished", null, Optional.empty(), null));
    }

    @GetMapping("/api/probe/public")
    Map<String, Object> open() {
      return Map.of("open", true);
    }

    @GetMapping("/api/probe/boom")
    Map<String, Object> boom() {
      throw new IllegalStateException("secret internal detail");
    }
  }

  record GadgetRequest(@NotBlank String name, String colour) {}

  enum Size3 {
    S,
    M,
    L
  }

  /** An answer with every kind of component the nullness rule tells apart. */
  record Gadget(
      UUID id,
      String name,
      @Nullable String colour,
      Optional<Size3> size,
      @Nullable ThingRequest origin) {}

  record ThingRequest(
      @NotBlank(message = "Name is required") @Size(max = 20, message = "Name is too long")
          String name,
      @NotBlank(message = "Colour is required") String colour) {}
}
