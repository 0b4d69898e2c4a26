package com.chosencrm.user.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

  Optional<Tenant> findFirstByKind(Tenant.Kind kind);

  List<Tenant> findByStatus(TenantStatus status);
}
