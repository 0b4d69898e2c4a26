package com.chosencrm.common.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller, taken from the verified access token only. The tenant never comes from a body, header
 * or query. Controllers receive it as a method parameter; services may call {@link #require()}.
 */
public record CurrentUser(
    UUID userId,
    UUID tenantId,
    Set<String> roles,
    UUID teamId,
    String tokenId,
    Instant tokenExpiresAt) {

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }

  public boolean isSupervisor() {
    return hasRole(Roles.SUPERVISOR);
  }

  public boolean isPlatformAdmin() {
    return hasRole(Roles.PLATFORM_ADMIN);
  }

  /** Fails with 403 unless the caller has one of the roles. */
  public void requireAnyRole(String... anyOf) {
    for (String role : anyOf) {
      if (hasRole(role)) {
        return;
      }
    }
    throw new AccessDeniedException("Requires one of the roles " + List.of(anyOf));
  }

  public static CurrentUser fromJwt(Jwt jwt) {
    Object rolesClaim = jwt.getClaims().get(TokenClaims.ROLES);
    Set<String> roles =
        rolesClaim instanceof Collection<?> c
            ? c.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
            : Set.of();
    String team = jwt.getClaimAsString(TokenClaims.TEAM);
    return new CurrentUser(
        UUID.fromString(jwt.getSubject()),
        UUID.fromString(jwt.getClaimAsString(TokenClaims.TENANT)),
        roles,
        team == null || team.isBlank() ? null : UUID.fromString(team),
        jwt.getId(),
        jwt.getExpiresAt());
  }

  /** The authenticated caller of the current request; fails if there is none. */
  public static CurrentUser require() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return fromJwt(token.getToken());
    }
    throw new AuthenticationCredentialsNotFoundException("No authenticated user");
  }
}
