package com.chosencrm.user.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<Team, UUID> {

  /** Scoped by tenant: another tenant's id is simply not found. */
  Optional<Team> findByIdAndTenantId(UUID id, UUID tenantId);

  boolean existsByIdAndTenantId(UUID id, UUID tenantId);

  // lower(), as in the unique index team_tenant_name_key.
  @Query(
      """
      select count(t) > 0 from Team t
      where t.tenantId = :tenantId and lower(t.name) = lower(:name)
      """)
  boolean nameTaken(UUID tenantId, String name);

  @Query(
      """
      select count(t) > 0 from Team t
      where t.tenantId = :tenantId and lower(t.name) = lower(:name) and t.id <> :teamId
      """)
  boolean nameTakenByAnotherTeam(UUID tenantId, String name, UUID teamId);

  @Query("select t from Team t where t.tenantId = :tenantId order by lower(t.name), t.id")
  List<Team> findByTenantOrderedByName(UUID tenantId);

  List<Team> findByTenantIdAndSupervisorId(UUID tenantId, UUID supervisorId);
}
