package com.chosencrm.lead.assignment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRuleRepository extends JpaRepository<AssignmentRule, UUID> {

  List<AssignmentRule> findByTenantIdOrderByPositionAsc(UUID tenantId);
}
