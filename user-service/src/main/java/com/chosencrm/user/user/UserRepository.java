package com.chosencrm.user.user;

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
}
