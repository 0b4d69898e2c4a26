package com.chosencrm.user;

import com.chosencrm.user.signing.AccessTokenIssuer;
import com.chosencrm.user.tenant.TenantView;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.UserAccount;
import com.chosencrm.user.user.UserAccounts;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * Builds tenants and users through the service's own public services (no SQL), and real tokens
 * signed by the service's own keys, so each test starts from a world of its own.
 */
@TestComponent
public class Fixtures {

  public static final String PASSWORD = "Correct-Horse-42";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Tenants tenants;
  private final UserAccounts users;
  private final AccessTokenIssuer tokens;

  Fixtures(Tenants tenants, UserAccounts users, AccessTokenIssuer tokens) {
    this.tenants = tenants;
    this.users = users;
    this.tokens = tokens;
  }

  /** A user and a valid access token for them. */
  public record Member(UserAccount account, String token) {
    public UUID id() {
      return account.id();
    }

    public UUID tenantId() {
      return account.tenantId();
    }

    public String email() {
      return account.email();
    }

    public String bearer() {
      return "Bearer " + token;
    }
  }

  /** A tenant with its first admin. */
  public record World(TenantView tenant, Member admin) {
    public UUID tenantId() {
      return tenant.id();
    }
  }

  public World newTenant() {
    int n = SEQUENCE.incrementAndGet();
    TenantView tenant = tenants.create("Tenant " + n + " Mortgage Co");
    Member admin = member(tenant.id(), Set.of(Role.ADMIN), null, "admin");
    return new World(tenant, admin);
  }

  public Member member(UUID tenantId, Set<Role> roles, UUID teamId, String label) {
    int n = SEQUENCE.incrementAndGet();
    UserAccount account =
        users.create(
            tenantId,
            label + n + "@example.test",
            label.substring(0, 1).toUpperCase() + label.substring(1),
            "Person" + n,
            PASSWORD,
            roles,
            teamId);
    return new Member(account, tokenFor(account));
  }

  public Member agent(World world) {
    return member(world.tenantId(), Set.of(Role.AGENT), null, "agent");
  }

  public Member supervisor(World world) {
    return member(world.tenantId(), Set.of(Role.SUPERVISOR), null, "supervisor");
  }

  public String tokenFor(UserAccount account) {
    return tokens
        .issue(account.id(), account.tenantId(), account.roleNames(), account.teamId())
        .token();
  }
}
