package com.chosencrm.user.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform operator account, from the environment only ({@code PLATFORM_ADMIN_EMAIL}, {@code
 * PLATFORM_ADMIN_PASSWORD}). Nothing is created unless both are set.
 */
@ConfigurationProperties("chosencrm.platform-admin")
public record PlatformAdminProperties(String email, String password) {

  boolean isConfigured() {
    return email != null && !email.isBlank() && password != null && !password.isBlank();
  }

  @Override
  public String toString() {
    return "PlatformAdminProperties[email=" + email + ", password=***]";
  }
}
