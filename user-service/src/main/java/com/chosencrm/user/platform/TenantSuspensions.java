package com.chosencrm.user.platform;

import com.chosencrm.common.events.EventPublisher;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.security.TokenRevocations;
import com.chosencrm.user.audit.AuditAction;
import com.chosencrm.user.audit.AuditLog;
import com.chosencrm.user.tenant.TenantView;
import com.chosencrm.user.tenant.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspending a tenant stops its users at once: login and refresh check the tenant's status in the
 * database, and every service rejects its live access tokens through the Redis deny-list. The two
 * are kept in step so that a failure in between errs on the side of "suspended"; retrying the
 * operation repairs it.
 */
@Component
class TenantSuspensions {

  private static final Logger log = LoggerFactory.getLogger(TenantSuspensions.class);

  private final Tenants tenants;
  private final TokenRevocations revocations;
  private final AuditLog audit;
  private final EventPublisher events;
  private final TransactionTemplate transactions;

  TenantSuspensions(
      Tenants tenants,
      TokenRevocations revocations,
      AuditLog audit,
      EventPublisher events,
      TransactionTemplate transactions) {
    this.tenants = tenants;
    this.revocations = revocations;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
  }

  /** Customer tenants only: the platform tenant or an unknown id answers 404. */
  TenantView suspend(UUID tenantId, CurrentUser operator) {
    return transactions.execute(
        status -> {
          TenantView tenant = tenants.suspend(tenantId);
          // Inside the transaction: if Redis cannot be told, the suspension does not happen.
          revocations.suspendTenant(tenantId);
          record(tenant, operator, AuditAction.TENANT_SUSPENDED, "TenantSuspended");
          return tenant;
        });
  }

  TenantView reactivate(UUID tenantId, CurrentUser operator) {
    TenantView tenant =
        transactions.execute(
            status -> {
              TenantView reactivated = tenants.reactivate(tenantId);
              record(reactivated, operator, AuditAction.TENANT_REACTIVATED, "TenantReactivated");
              return reactivated;
            });
    // Only once the database says "active": lifting the deny-list earlier could let tokens
    // through for a tenant whose reactivation then fails to commit.
    revocations.reactivateTenant(tenantId);
    return tenant;
  }

  /**
   * Puts every suspended tenant back on the deny-list, for a Redis that lost its data. Access
   * tokens live 15 minutes and login and refresh read the database, so failing here is logged, not
   * fatal.
   */
  @EventListener(ApplicationReadyEvent.class)
  void resynchronise() {
    try {
      List<UUID> suspended = tenants.suspendedIds();
      suspended.forEach(revocations::suspendTenant);
      log.info("{} suspended tenants on the token deny-list", suspended.size());
    } catch (RuntimeException e) {
      log.error("Could not put suspended tenants on the token deny-list", e);
    }
  }

  private void record(
      TenantView tenant, CurrentUser operator, AuditAction action, String eventType) {
    audit.record(
        tenant.id(),
        new AuditLog.Actor(operator.userId(), null),
        action,
        "tenant",
        tenant.id(),
        Map.of("by", "platform operator"));
    events.publish(
        eventType,
        tenant.id(),
        tenant.id(),
        Map.of("tenantId", tenant.id(), "status", tenant.status().name()));
  }
}
