package com.chosencrm.user.settings;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every settings change leaves behind: an audit entry naming the admin and the request, and a
 * {@link TenantSettingsChanged} event. Both join the caller's transaction, so they exist if and
 * only if the change itself commits.
 */
@Component
public class SettingsChanges {

  private final AuditLog audit;
  private final EventPublisher events;
  private final UserAccounts users;

  SettingsChanges(AuditLog audit, EventPublisher events, UserAccounts users) {
    this.audit = audit;
    this.events = events;
    this.users = users;
  }

  /**
   * @param details what the audit entry shows an admin, typically old and new values
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      CurrentUser actor,
      AuditAction action,
      String targetType,
      Object targetId,
      Map<String, ?> details,
      TenantSettingsChanged event) {
    audit.record(actor.tenantId(), auditActor(actor), action, targetType, targetId, details);
    events.publish(TenantSettingsChanged.TYPE, event.tenantId(), event.tenantId(), event);
  }

  // The token carries no email; the audit trail shows one so that it stays readable after the
  // account is gone.
  private AuditLog.Actor auditActor(CurrentUser actor) {
    String email = users.findById(actor.userId()).map(UserAccount::email).orElse(null);
    return new AuditLog.Actor(actor.userId(), email);
  }
}
