package com.chosencrm.common.security;

/** The roles carried in the token's {@code roles} claim; Spring authorities are {@code ROLE_*}. */
public final class Roles {

  public static final String ADMIN = "ADMIN";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String AGENT = "AGENT";
  public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

  private Roles() {}
}
