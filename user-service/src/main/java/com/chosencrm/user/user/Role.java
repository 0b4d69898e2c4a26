package com.chosencrm.user.user;

/** Roles a tenant admin can grant. PLATFORM_ADMIN comes from configuration only. */
public enum Role {
  ADMIN,
  SUPERVISOR,
  AGENT,
  PLATFORM_ADMIN;

  public boolean isGrantableByTenantAdmin() {
    return this != PLATFORM_ADMIN;
  }
}
