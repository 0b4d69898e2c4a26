package com.chosencrm.common;

import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @PostMapping("/api/probe/things")
    Map<String, Object> create(@Valid @RequestBody ThingRequest request) {
      return Map.of("name", request.name());
    }

    @GetMapping("/api/probe/boom")
    Map<String, Object> boom() {
      throw new IllegalStateException("secret internal detail");
    }
  }

  record ThingRequest(
      @NotBlank(message = "Name is required") @Size(max = 20, message = "Name is too long")
          String name,
      @NotBlank(message = "Colour is required") String colour) {}
}
