package com.chosencrm.user.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.auth.AuthCalls;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.chosencrm.user.user.UserAccounts;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator account from configuration. Each test hands the bootstrap its own settings, as the
 * environment would on start, so the shared test configuration needs no operator.
 */
@UserServiceTest
class PlatformAdminBootstrapTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired UserAccounts users;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  private PlatformAdminBootstrap bootstrap(String email, String password) {
    return new PlatformAdminBootstrap(new PlatformAdminProperties(email, password), tenants, users);
  }

  private static String operatorEmail() {
    return "ops-" + UUID.randomUUID() + "@chosencrm.test";
  }

  @Test
  void whenOperatorIsConfigured_thenTheyExistInThePlatformTenantAndCanSignIn() throws Exception {
    String email = operatorEmail();

    bootstrap(email, "Night-Shift-Operator-7").synchronise();

    auth.login(email, "Night-Shift-Operator-7")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.user.roles").value(Matchers.contains("PLATFORM_ADMIN")))
        .andExpect(jsonPath("$.user.tenantId").value(tenants.platformTenant().id().toString()));
  }

  @Test
  void whenConfiguredPasswordChanges_thenTheExistingOperatorGetsIt() throws Exception {
    String email = operatorEmail();
    bootstrap(email, "Night-Shift-Operator-7").synchronise();

    bootstrap(email, "Day-Shift-Operator-8").synchronise();

    auth.login(email, "Day-Shift-Operator-8").andExpect(status().isOk());
    auth.login(email, "Night-Shift-Operator-7").andExpect(status().isUnauthorized());
  }

  @Test
  void whenConfiguredEmailBelongsToACustomerUser_thenThatUserIsLeftAlone() throws Exception {
    Member customerAdmin = fixtures.newTenant().admin();

    bootstrap(customerAdmin.email(), "Night-Shift-Operator-7").synchronise();

    assertThat(users.findById(customerAdmin.id()).orElseThrow().roles())
        .containsExactly(Role.ADMIN);
    auth.login(customerAdmin.email(), Fixtures.PASSWORD).andExpect(status().isOk());
  }

  @Test
  void whenConfiguredPasswordIsWeak_thenStartingFailsWithoutRevealingIt() {
    String email = operatorEmail();

    assertThatThrownBy(() -> bootstrap(email, "weakpass").synchronise())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PLATFORM_ADMIN_PASSWORD")
        .hasMessageNotContaining("weakpass");
    assertThat(users.findByEmail(email)).isEmpty();
  }

  @Test
  void whenOnlyPartOfTheOperatorIsConfigured_thenNothingIsCreated() {
    String email = operatorEmail();

    bootstrap(email, "").synchronise();

    assertThat(users.findByEmail(email)).isEmpty();
  }
}
