package com.chosencrm.user.tenant;

public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
