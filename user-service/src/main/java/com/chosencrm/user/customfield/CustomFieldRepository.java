package com.chosencrm.user.customfield;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every query is scoped by tenant: another tenant's field is simply not found. */
interface CustomFieldRepository extends JpaRepository<CustomField, UUID> {

  Optional<CustomField> findByIdAndTenantId(UUID id, UUID tenantId);

  List<CustomField> findByTenantIdAndEntityOrderByPositionAscKeyAsc(
      UUID tenantId, EntityType entity);

  List<CustomField> findByTenantIdOrderByEntityAscPositionAscKeyAsc(UUID tenantId);

  boolean existsByTenantIdAndEntityAndKey(UUID tenantId, EntityType entity, String key);

  long countByTenantIdAndEntity(UUID tenantId, EntityType entity);

  @Query(
      """
      select coalesce(max(f.position), -1) from CustomField f
      where f.tenantId = :tenantId and f.entity = :entity
      """)
  int maxPosition(UUID tenantId, EntityType entity);
}
