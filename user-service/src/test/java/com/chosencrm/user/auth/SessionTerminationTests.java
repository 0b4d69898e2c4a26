package com.chosencrm.user.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Ending a user's sessions also ends their refresh tokens, not only their access tokens. */
@UserServiceTest
class SessionTerminationTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Fixtures fixtures;

  AuthCalls auth;

  @BeforeEach
  void setUp() {
    auth = new AuthCalls(mvc, json);
  }

  @Test
  void whenUserChangesPassword_thenOldRefreshTokensNoLongerWork() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session laptop = auth.signIn(agent.email(), Fixtures.PASSWORD);
    AuthCalls.Session phone = auth.signIn(agent.email(), Fixtures.PASSWORD);

    mvc.perform(
            post("/api/users/me/password")
                .header("Authorization", phone.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"currentPassword\":\""
                        + Fixtures.PASSWORD
                        + "\",\"newPassword\":\"Brand-New-Secret-77\"}"))
        .andExpect(status().isNoContent());

    auth.refresh(laptop.refreshToken()).andExpect(status().isUnauthorized());
    auth.refresh(phone.refreshToken()).andExpect(status().isUnauthorized());
    auth.login(agent.email(), "Brand-New-Secret-77").andExpect(status().isOk());
  }

  @Test
  void whenAdminDeactivatesUser_thenTheirRefreshTokensAreRevoked() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    AuthCalls.Session session = auth.signIn(agent.email(), Fixtures.PASSWORD);

    mvc.perform(
            post("/api/users/{id}/deactivate", agent.id())
                .header("Authorization", world.admin().bearer()))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/users/{id}/reactivate", agent.id())
                .header("Authorization", world.admin().bearer()))
        .andExpect(status().isOk());

    // Reactivation does not bring back the sessions that deactivation ended.
    auth.refresh(session.refreshToken()).andExpect(status().isUnauthorized());
  }
}
