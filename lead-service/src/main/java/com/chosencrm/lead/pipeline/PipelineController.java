package com.chosencrm.lead.pipeline;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's pipeline stages: everyone reads them (Kanban columns), admins edit them. */
@RestController
@RequestMapping("/api/leads/pipeline/stages")
class PipelineController {

  private final Pipeline pipeline;

  PipelineController(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  record StagesResponse(List<Stage> stages) {}

  /** Kinds arrive as text so that a wrong one is a field error, not unreadable JSON. */
  record StageBody(UUID id, String name, String kind) {}

  record StagesUpdate(
      @NotNull(message = "Send the full list of stages, in order")
          @Size(max = Pipeline.MAX_STAGES, message = "A pipeline has at most 30 stages")
          List<StageBody> stages,
      Map<UUID, String> moveLeadsTo) {

    List<Pipeline.StageDraft> drafts() {
      return stages.stream()
          .map(
              s ->
                  s == null
                      ? null
                      : new Pipeline.StageDraft(s.id(), s.name(), StageKind.parse(s.kind())))
          .toList();
    }
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
  StagesResponse stages(CurrentUser user) {
    return new StagesResponse(pipeline.stages(user.tenantId()));
  }

  @PutMapping
  @ApiResponse(
      responseCode = "422",
      description = "A removed stage still has leads and no stage to move them to")
  @PreAuthorize("hasRole('ADMIN')")
  StagesResponse replace(CurrentUser admin, @Valid @RequestBody StagesUpdate update) {
    return new StagesResponse(pipeline.replace(admin, update.drafts(), update.moveLeadsTo()));
  }
}
