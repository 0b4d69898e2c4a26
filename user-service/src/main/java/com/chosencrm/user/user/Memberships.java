package com.chosencrm.user.user;

import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.TokenRevocations;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which team each user belongs to, for the team feature. A user belongs to at most one team, and
 * that team is the {@code team} claim of their tokens: every change cuts off the tokens minted with
 * the old one, since supervisors' visibility everywhere follows that claim.
 */
@Service
public class Memberships {

  private static final Comparator<UserResponse> BY_NAME =
      Comparator.comparing((UserResponse u) -> u.fullName().toLowerCase(Locale.ROOT))
          .thenComparing(UserResponse::id);

  private final UserRepository users;
  private final TokenRevocations revocations;

  Memberships(UserRepository users, TokenRevocations revocations) {
    this.users = users;
    this.revocations = revocations;
  }

  /** The team's members, by full name. */
  @Transactional(readOnly = true)
  public List<UserResponse> members(UUID tenantId, UUID teamId) {
    return users.findByTenantIdAndTeamId(tenantId, teamId).stream()
        .map(UserResponse::from)
        .sorted(BY_NAME)
        .toList();
  }

  /** Members per team id, for the teams that have any. */
  @Transactional(readOnly = true)
  public Map<UUID, Long> memberCounts(UUID tenantId) {
    Map<UUID, Long> counts = new HashMap<>();
    for (Object[] row : users.countMembersByTeam(tenantId)) {
      counts.put((UUID) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** Those of {@code ids} that are users of the tenant; anyone else is left out. */
  @Transactional(readOnly = true)
  public List<UserResponse> usersOfTenant(UUID tenantId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return users.findByTenantIdAndIdIn(tenantId, ids).stream().map(UserResponse::from).toList();
  }

  /**
   * Puts the user in the team, or in none when {@code teamId} is null. The caller has checked that
   * the team is the tenant's.
   *
   * @throws NotFoundException if the user is not the tenant's
   */
  @Transactional
  public UserResponse moveToTeam(UUID tenantId, UUID userId, UUID teamId) {
    User user =
        users
            .findByIdAndTenantId(userId, tenantId)
            .orElseThrow(() -> new NotFoundException("User", userId));
    if (!Objects.equals(user.teamId(), teamId)) {
      user.assignTeam(teamId);
      revocations.revokeUserTokensIssuedBefore(userId, Instant.now());
    }
    return UserResponse.from(user);
  }

  /** Empties the team before it is deleted; returns who was in it. */
  @Transactional
  public List<UUID> removeAllFromTeam(UUID tenantId, UUID teamId) {
    List<User> members = users.findByTenantIdAndTeamId(tenantId, teamId);
    Instant now = Instant.now();
    for (User member : members) {
      member.assignTeam(null);
      revocations.revokeUserTokensIssuedBefore(member.id(), now);
    }
    return members.stream().map(User::id).sorted().toList();
  }
}
