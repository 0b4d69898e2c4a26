package com.chosencrm.user.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, UUID> {

  Optional<User> findByEmail(String normalizedEmail);

  boolean existsByEmail(String normalizedEmail);

  /** Scoped by tenant: another tenant's id is simply not found. */
  Optional<User> findByIdAndTenantId(UUID id, UUID tenantId);

  List<User> findByTenantIdAndTeamId(UUID tenantId, UUID teamId);

  @Query(
      """
      select count(u) from User u join u.roles r
      where u.tenantId = :tenantId and u.active = true
        and r = com.chosencrm.user.user.Role.ADMIN
      """)
  long countActiveAdmins(UUID tenantId);

  long countByTenantIdAndActiveTrue(UUID tenantId);

  List<User> findByTenantIdAndIdIn(UUID tenantId, Collection<UUID> ids);

  /**
   * Locks the rows of the tenant's active admins, in id order so that concurrent callers queue
   * instead of deadlocking. Whoever may remove an admin calls this first and counts afterwards: the
   * count then sees every admin change committed by whoever held the locks before.
   */
  @Query(
      value =
          """
          select u.id from app_user u
          where u.tenant_id = :tenantId and u.active
            and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'ADMIN')
          order by u.id
          for update of u
          """,
      nativeQuery = true)
  List<UUID> lockActiveAdmins(UUID tenantId);

  @Query(
      """
      select u.teamId, count(u) from User u
      where u.tenantId = :tenantId and u.teamId is not null
      group by u.teamId
      """)
  List<Object[]> countMembersByTeam(UUID tenantId);
}
