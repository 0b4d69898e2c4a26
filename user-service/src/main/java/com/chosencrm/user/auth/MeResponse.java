package com.chosencrm.user.auth;

import com.chosencrm.user.tenant.TenantStatus;
import com.chosencrm.user.tenant.TenantView;
import com.chosencrm.user.user.UserAccount;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as stored now (roles and team may be newer than the token's): the login
 * answer's {@code user}, plus the tenant's name and status.
 */
record MeResponse(
    UUID id,
    UUID tenantId,
    String email,
    String firstName,
    String lastName,
    List<String> roles,
    @Nullable UUID teamId,
    SignedInTenant tenant) {

  record SignedInTenant(UUID id, String name, TenantStatus status) {}

  static MeResponse of(UserAccount user, TenantView tenant) {
    return new MeResponse(
        user.id(),
        user.tenantId(),
        user.email(),
        user.firstName(),
        user.lastName(),
        user.roleNames().stream().sorted().toList(),
        user.teamId(),
        new SignedInTenant(tenant.id(), tenant.name(), tenant.status()));
  }
}
