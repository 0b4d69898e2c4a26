package com.chosencrm.gateway.security;

/**
 * The character rules of Spring Security's {@code StrictServerWebExchangeFirewall} for header names
 * and values and parameter names, without its regular expressions: every code point assigned and
 * not a control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), tabs also allowed in
 * header values ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}); null passes, as there.
 * Parameter values keep the firewall's default (anything).
 */
final class FirewallRules {

  private FirewallRules() {}

  static boolean isAssignedAndNotControl(String value) {
    return check(value, false);
  }

  static boolean isHeaderValue(String value) {
    return check(value, true);
  }

  private static boolean check(String value, boolean tabAllowed) {
    if (value == null) {
      // As the firewall's own predicates: an absent value is not a bad one.
      return true;
    }
    int length = value.length();
    for (int i = 0; i < length; ) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        // Printable ASCII: the common case, assigned and not a control.
        i++;
        continue;
      }
      int codePoint = value.codePointAt(i);
      boolean allowed =
          (tabAllowed && codePoint == '\t')
              || (Character.getType(codePoint) != Character.UNASSIGNED
                  && Character.getType(codePoint) != Character.CONTROL);
      if (!allowed) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }
}
