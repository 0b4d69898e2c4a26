package com.chosencrm.user.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/users/me/password}: any signed-in user, for their own account. */
@UserServiceTest
class PasswordChangeTests {

  static final String NEW_PASSWORD = "Brand-New-Secret-77";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired UserAccounts accounts;

  Api api;
  ChangeRecords records;
  World world;
  Member agent;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, json);
    records = new ChangeRecords(jdbc, json);
    world = fixtures.newTenant();
    agent = fixtures.agent(world);
  }

  @Test
  void whenCurrentPasswordIsRight_thenChangedAuditedAndEveryTokenSoFarCutOff() throws Exception {
    Member otherSession = new Member(agent.account(), fixtures.tokenFor(agent.account()));

    mvc.perform(
            api.as(agent, post("/api/users/me/password"))
                .content(
                    api.body("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD)))
        .andExpect(status().isNoContent());

    UserAccount after = accounts.findById(agent.id()).orElseThrow();
    assertThat(accounts.passwordMatches(after, NEW_PASSWORD)).isTrue();
    assertThat(accounts.passwordMatches(after, Fixtures.PASSWORD)).isFalse();
    assertThat(records.audit(world.tenantId(), "PASSWORD_CHANGED"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.actorId()).isEqualTo(agent.id());
              assertThat(row.actorEmail()).isEqualTo(agent.email());
              assertThat(row.details().toString()).doesNotContain(NEW_PASSWORD);
            });
    for (Member session : List.of(agent, otherSession)) {
      mvc.perform(api.as(session, get("/api/users/{id}", agent.id())))
          .andExpect(status().isUnauthorized());
    }
  }

  @Test
  void whenCurrentPasswordIsWrong_thenFieldErrorOnCurrentPassword() throws Exception {
    mvc.perform(
            api.as(agent, post("/api/users/me/password"))
                .content(
                    api.body("currentPassword", "Not-The-Password-1", "newPassword", NEW_PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
        .andExpect(jsonPath("$.errors[0].message").value("The current password is not correct"));
    assertThat(accounts.passwordMatches(accounts.findById(agent.id()).orElseThrow(), NEW_PASSWORD))
        .isFalse();
    mvc.perform(api.as(agent, get("/api/users/{id}", agent.id()))).andExpect(status().isOk());
  }

  @Test
  void whenNewPasswordBreaksThePolicy_thenFieldErrorOnNewPassword() throws Exception {
    String localPart = agent.email().substring(0, agent.email().indexOf('@'));
    for (String weak :
        List.of("Short-1", "No-Digits-Anywhere", localPart + "-Extra-12345", Fixtures.PASSWORD)) {
      mvc.perform(
              api.as(agent, post("/api/users/me/password"))
                  .content(api.body("currentPassword", Fixtures.PASSWORD, "newPassword", weak)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
    }
    assertThat(records.audit(world.tenantId(), "PASSWORD_CHANGED")).isEmpty();
  }

  @Test
  void whenPasswordsAreMissing_thenFieldErrorsForBoth() throws Exception {
    mvc.perform(api.as(agent, post("/api/users/me/password")).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
        .andExpect(jsonPath("$.errors[0].message").value("Enter your current password"))
        .andExpect(jsonPath("$.errors[1].field").value("newPassword"));
  }

  @Test
  void whenChangingWithoutToken_thenUnauthorized() {
    EndpointSecurity.of(
            mvc,
            () ->
                post("/api/users/me/password")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        api.body(
                            "currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD)))
        .rejectsMissingToken();
  }
}
