package com.chosencrm.common.security;

/** Claim names of ChosenCRM access tokens (ADR 0001). */
public final class TokenClaims {

  public static final String TENANT = "tid";
  public static final String ROLES = "roles";
  public static final String TEAM = "team";

  private TokenClaims() {}
}
