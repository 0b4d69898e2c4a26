package com.chosencrm.user.user;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The tenant's maxUsers flag caps active users, on creation and on reactivation. */
@UserServiceTest
class MaxUsersRuleTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @Test
  void whenTenantIsAtItsUserLimit_thenCreatingAndReactivatingAreRefused() throws Exception {
    World world = fixtures.newTenant();
    Member agent = fixtures.agent(world);
    String admin = world.admin().bearer();
    mvc.perform(
            put("/api/settings/features")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxUsers\": 2}"))
        .andExpect(status().isOk());

    createAgent(admin, "third")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://chosencrm.dev/problems/business-rule"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("maximum of 2 active users")));

    mvc.perform(post("/api/users/{id}/deactivate", agent.id()).header("Authorization", admin))
        .andExpect(status().isOk());
    createAgent(admin, "replacement").andExpect(status().isCreated());
    mvc.perform(post("/api/users/{id}/reactivate", agent.id()).header("Authorization", admin))
        .andExpect(status().isUnprocessableContent());
  }

  private ResultActions createAgent(String admin, String name) throws Exception {
    return mvc.perform(
        post("/api/users")
            .header("Authorization", admin)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"email":"%s-%d@example.test","firstName":"New","lastName":"Agent",
                 "password":"Correct-Horse-42","roles":["AGENT"]}
                """
                    .formatted(name, System.nanoTime())));
  }
}
