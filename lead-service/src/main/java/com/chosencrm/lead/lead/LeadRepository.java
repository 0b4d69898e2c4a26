package com.chosencrm.lead.lead;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadRepository extends JpaRepository<Lead, UUID> {

  /** Scoped by tenant: another tenant's id is simply not found. */
  Optional<Lead> findByIdAndTenantId(UUID id, UUID tenantId);
}
