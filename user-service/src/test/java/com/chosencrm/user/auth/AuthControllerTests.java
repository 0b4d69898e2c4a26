package com.chosencrm.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.tenant.Tenants;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@UserServiceTest
class AuthControllerTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  private static Map<String, Object> registration(String email, String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("companyName", "Keystone Lending " + UUID.randomUUID());
    body.put("firstName", "Dana");
    body.put("lastName", "Reyes");
    body.put("email", email);
    body.put("password", password);
    return body;
  }

  private static String uniqueEmail(String label) {
    return label + "-" + UUID.randomUUID() + "@example.test";
  }

  private long auditCount(UUID tenantId, String action) {
    return jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = :a")
        .param("t", tenantId)
        .param("a", action)
        .query(Long.class)
        .single();
  }

  // --- register -------------------------------------------------------------------------------

  @Test
  void whenCompanyRegisters_thenTenantAndFirstAdminExistAndAreSignedIn() throws Exception {
    String email = uniqueEmail("Dana.Reyes");
    Map<String, Object> body = registration(email.toUpperCase(), "Blue-Harbor-2024");

    String response =
        auth.register(body)
            .andExpect(status().isCreated())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andExpect(jsonPath("$.tokenType").value("Bearer"))
            .andExpect(
                jsonPath("$.expiresIn")
                    .value(Matchers.both(greaterThan(890)).and(lessThanOrEqualTo(900))))
            .andExpect(jsonPath("$.accessToken").isNotEmpty())
            .andExpect(jsonPath("$.refreshToken").isNotEmpty())
            .andExpect(jsonPath("$.refreshExpiresAt").isNotEmpty())
            .andExpect(jsonPath("$.user.email").value(email.toLowerCase()))
            .andExpect(jsonPath("$.user.firstName").value("Dana"))
            .andExpect(jsonPath("$.user.roles").value(Matchers.contains("ADMIN")))
            .andExpect(jsonPath("$.user.teamId").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();

    AuthCalls.Session session = AuthCalls.Session.of(response);
    auth.me(session.accessToken())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tenant.name").value(body.get("companyName")))
        .andExpect(jsonPath("$.tenant.status").value("ACTIVE"))
        .andExpect(jsonPath("$.roles").value(Matchers.contains("ADMIN")));
    assertThat(auditCount(UUID.fromString(session.tenantId()), "TENANT_REGISTERED")).isEqualTo(1);
    assertThat(
            jdbc.sql("select type from outbox_event where tenant_id = :t")
                .param("t", UUID.fromString(session.tenantId()))
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("TenantRegistered", "UserCreated");
    // The new admin signs in with the password they chose.
    auth.login(email, "Blue-Harbor-2024").andExpect(status().isOk());
  }

  @Test
  void whenEmailAlreadyHasAnAccount_thenConflictAndNoTenantIsLeftBehind() throws Exception {
    World existing = fixtures.newTenant();
    Map<String, Object> body =
        registration(existing.admin().email().toUpperCase(), "Blue-Harbor-2024");

    auth.register(body)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/conflict"))
        .andExpect(jsonPath("$.detail").value("An account with this email already exists"));

    long tenantsNamed =
        jdbc.sql("select count(*) from tenant where name = :name")
            .param("name", body.get("companyName"))
            .query(Long.class)
            .single();
    assertThat(tenantsNamed).isZero();
  }

  @Test
  void whenPasswordIsWeak_thenBadRequestWithFieldErrorsOnPassword() throws Exception {
    String email = uniqueEmail("weak");
    auth.register(registration(email, "short1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(jsonPath("$.errors[0].field").value("password"))
        .andExpect(
            jsonPath("$.errors[0].message").value("Password must be at least 12 characters long"));

    auth.register(registration(email, "onlyletters-no-digits"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("password"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("Password must contain at least one letter and one digit"));

    auth.register(registration("dana.reyes@example.test", "Dana.Reyes-2024x"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("password"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("Password must not contain the part of your email before the @"));
  }

  @Test
  void whenRegistrationFieldsAreMissingOrMalformed_thenEachIsNamed() throws Exception {
    auth.register(Map.of())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/validation"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    Matchers.containsInAnyOrder(
                        "companyName", "firstName", "lastName", "email", "password")));

    Map<String, Object> body = registration("not-an-email", "Blue-Harbor-2024");
    auth.register(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"))
        .andExpect(jsonPath("$.errors[0].message").value("Enter a valid email address"));
  }

  // --- login ----------------------------------------------------------------------------------

  @Test
  void whenUserSignsIn_thenTokensAndCurrentUserAreReturned() throws Exception {
    World world = fixtures.newTenant();
    Member admin = world.admin();

    String response =
        auth.login("  " + admin.email().toUpperCase() + "  ", Fixtures.PASSWORD)
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andExpect(jsonPath("$.tokenType").value("Bearer"))
            .andExpect(
                jsonPath("$.expiresIn")
                    .value(Matchers.both(greaterThan(890)).and(lessThanOrEqualTo(900))))
            .andExpect(jsonPath("$.user.id").value(admin.id().toString()))
            .andExpect(jsonPath("$.user.tenantId").value(world.tenantId().toString()))
            .andExpect(jsonPath("$.user.email").value(admin.email()))
            .andExpect(jsonPath("$.user.lastName").value(admin.account().lastName()))
            .andExpect(jsonPath("$.user.roles").value(Matchers.contains("ADMIN")))
            .andExpect(jsonPath("$.user.passwordHash").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();

    auth.me(AuthCalls.Session.of(response).accessToken()).andExpect(status().isOk());
    assertThat(auditCount(world.tenantId(), "LOGIN_SUCCEEDED")).isEqualTo(1);
  }

  @Test
  void whenLoginFieldsAreMissing_thenFieldErrors() throws Exception {
    mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("email", "password")));

    mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{oops"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/bad-request"));
  }

  @Test
  void whenPasswordIsWrong_thenUnauthorized() throws Exception {
    Member admin = fixtures.newTenant().admin();
    auth.login(admin.email(), "Wrong-Password-99")
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"))
        .andExpect(jsonPath("$.detail").value("Invalid email or password"));
  }

  @Test
  void whenLoginCarriesAStaleBearerToken_thenItIsIgnored() throws Exception {
    Member admin = fixtures.newTenant().admin();
    Map<String, Object> body = Map.of("email", admin.email(), "password", Fixtures.PASSWORD);
    mvc.perform(
            post("/api/auth/login")
                .header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isOk());
  }

  @Test
  void whenSuspendedTenantsUserSignsIn_thenForbiddenOnlyAfterThePasswordMatched() throws Exception {
    World world = fixtures.newTenant();
    tenants.suspend(world.tenantId());
    try {
      auth.login(world.admin().email(), Fixtures.PASSWORD)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/tenant-suspended"))
          .andExpect(jsonPath("$.detail").value("This account's organisation is suspended"));
      auth.login(world.admin().email(), "Wrong-Password-99")
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.detail").value("Invalid email or password"));
    } finally {
      tenants.reactivate(world.tenantId());
    }
  }

  // --- me -------------------------------------------------------------------------------------

  @Test
  void whenSignedIn_thenMeShowsTheUserTenantRolesAndTeam() throws Exception {
    World world = fixtures.newTenant();
    Member supervisor = fixtures.supervisor(world);

    auth.me(supervisor.token())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(supervisor.id().toString()))
        .andExpect(jsonPath("$.tenantId").value(world.tenantId().toString()))
        .andExpect(jsonPath("$.email").value(supervisor.email()))
        .andExpect(jsonPath("$.roles").value(Matchers.contains("SUPERVISOR")))
        .andExpect(jsonPath("$.teamId").doesNotExist())
        .andExpect(jsonPath("$.tenant.id").value(world.tenantId().toString()))
        .andExpect(jsonPath("$.tenant.name").value(world.tenant().name()))
        .andExpect(jsonPath("$.tenant.status").value("ACTIVE"));
  }

  @Test
  void whenPlatformOperatorAsksWhoTheyAre_thenThePlatformTenantIsShown() throws Exception {
    Member operator =
        fixtures.member(
            tenants.platformTenant().id(),
            Set.of(com.chosencrm.user.user.Role.PLATFORM_ADMIN),
            null,
            "operator");
    auth.me(operator.token())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles").value(Matchers.contains("PLATFORM_ADMIN")))
        .andExpect(jsonPath("$.tenant.id").value(tenants.platformTenant().id().toString()));
  }

  // Any signed-in role may ask who it is and log out: there is no 403 case, and no ids to hide.
  @Test
  void whenMeOrLogoutIsCalledWithoutAToken_thenUnauthorized() {
    EndpointSecurity.of(mvc, () -> get("/api/auth/me")).rejectsMissingToken();
    EndpointSecurity.of(mvc, () -> post("/api/auth/logout")).rejectsMissingToken();
  }

  // --- logout ---------------------------------------------------------------------------------

  @Test
  void whenUserLogsOut_thenTheirAccessAndRefreshTokensStopWorking() throws Exception {
    World world = fixtures.newTenant();
    AuthCalls.Session session = auth.signIn(world.admin().email(), Fixtures.PASSWORD);

    auth.logout(session.accessToken(), session.refreshToken()).andExpect(status().isNoContent());

    auth.me(session.accessToken())
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/unauthorized"));
    auth.refresh(session.refreshToken()).andExpect(status().isUnauthorized());
    assertThat(auditCount(world.tenantId(), "LOGOUT")).isEqualTo(1);
  }

  @Test
  void whenUserLogsOutWithoutABody_thenOnlyTheAccessTokenIsRevoked() throws Exception {
    Member admin = fixtures.newTenant().admin();
    AuthCalls.Session session = auth.signIn(admin.email(), Fixtures.PASSWORD);

    auth.logout(session.accessToken(), null).andExpect(status().isNoContent());

    auth.me(session.accessToken()).andExpect(status().isUnauthorized());
    auth.refresh(session.refreshToken()).andExpect(status().isOk());
  }

  @Test
  void whenLoggingOutWithSomeoneElsesRefreshToken_thenTheirSessionSurvives() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session mine = auth.signIn(world.admin().email(), Fixtures.PASSWORD);
    AuthCalls.Session theirs = auth.signIn(agent.email(), Fixtures.PASSWORD);

    auth.logout(mine.accessToken(), theirs.refreshToken()).andExpect(status().isNoContent());

    auth.refresh(theirs.refreshToken()).andExpect(status().isOk());
  }
}
