package com.chosencrm.lead.pipeline;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PipelineStageRepository extends JpaRepository<PipelineStage, UUID> {

  List<PipelineStage> findByTenantIdOrderByPositionAsc(UUID tenantId);
}
