package com.chosencrm.user.user;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditLog;
import org.springframework.stereotype.Component;

/** The caller as the audit trail names them: id and, while the account exists, email. */
@Component
public class AuditActors {

  private final UserAccounts accounts;

  AuditActors(UserAccounts accounts) {
    this.accounts = accounts;
  }

  public AuditLog.Actor of(CurrentUser caller) {
    // The token proves who acted; the email is looked up so the trail stays readable to admins.
    String email = accounts.findById(caller.userId()).map(UserAccount::email).orElse(null);
    return new AuditLog.Actor(caller.userId(), email);
  }
}
