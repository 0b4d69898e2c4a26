package com.chosencrm.user.audit;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.web.RequestIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the tenant's audit trail: who did what, to what, when, from which request. Written in
 * the caller's transaction, so an audited change and its entry commit together.
 */
@Service
public class AuditLog {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Who acted; {@code actorId} is null for anonymous actions such as a failed login. */
  public record Actor(UUID actorId, String actorEmail) {
    public static final Actor ANONYMOUS = new Actor(null, null);
  }

  @Transactional
  public void record(
      UUID tenantId,
      Actor actor,
      AuditAction action,
      String targetType,
      Object targetId,
      Map<String, ?> details) {
    jdbc.sql(
            """
            insert into audit_event (id, tenant_id, actor_id, actor_email, action, target_type,
                                     target_id, details, request_id, client_ip, occurred_at)
            values (:id, :tenantId, :actorId, :actorEmail, :action, :targetType, :targetId,
                    cast(:details as jsonb), :requestId, :clientIp, :occurredAt)
            """)
        .param("id", UuidV7.next())
        .param("tenantId", tenantId)
        .param("actorId", actor.actorId())
        .param("actorEmail", actor.actorEmail())
        .param("action", action.name())
        .param("targetType", targetType)
        .param("targetId", targetId == null ? null : targetId.toString())
        .param("details", json.writeValueAsString(details == null ? Map.of() : details))
        .param("requestId", RequestIds.current())
        .param("clientIp", clientIp())
        .param("occurredAt", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
        .update();
  }

  /** For events that must be kept even though the surrounding request fails (failed logins). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordIndependently(
      UUID tenantId,
      Actor actor,
      AuditAction action,
      String targetType,
      Object targetId,
      Map<String, ?> details) {
    record(tenantId, actor, action, targetType, targetId, details);
  }

  private static String clientIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return attrs.getRequest().getRemoteAddr();
    }
    return null;
  }
}
