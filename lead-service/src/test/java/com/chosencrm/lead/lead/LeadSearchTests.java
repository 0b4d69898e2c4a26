package com.chosencrm.lead.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import com.chosencrm.lead.Fixtures.World;
import com.chosencrm.lead.LeadServiceTest;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@LeadServiceTest
class LeadSearchTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  World world;
  Member agent;
  Member otherAgent;
  UUID johnson;
  UUID smith;
  UUID garcia;

  @BeforeEach
  void setUp() {
    world = fixtures.newTenant();
    agent = fixtures.agent(world, null);
    otherAgent = fixtures.agent(world, null);
    johnson =
        id(
            agent,
            Map.of(
                "firstName",
                "Katherine",
                "lastName",
                "Johnson",
                "email",
                "kjohnson@nasa.example",
                "phone",
                "(757) 555-0142"));
    smith =
        id(
            agent,
            Map.of(
                "firstName",
                "John",
                "lastName",
                "Smith",
                "email",
                "jsmith@mail.example",
                "phone",
                "+1 305 555 0107"));
    garcia =
        id(
            otherAgent,
            Map.of(
                "firstName", "Maria", "lastName", "Garcia", "email", "maria.garcia@mail.example"));
  }

  @Test
  void findsByPartialNameWithATypo() throws Exception {
    assertThat(search(agent, "Jonson")).first().isEqualTo(johnson);
    assertThat(search(agent, "katherin")).containsExactly(johnson);
    assertThat(search(agent, "smiht")).contains(smith);
    assertThat(search(agent, "john smith")).first().isEqualTo(smith);
  }

  @Test
  void findsByEmailSubstring() throws Exception {
    assertThat(search(agent, "nasa.exam")).containsExactly(johnson);
    assertThat(search(world.admin(), "@mail.example")).containsExactlyInAnyOrder(smith, garcia);
  }

  @Test
  void findsByPhoneDigitsInAnyFormat() throws Exception {
    assertThat(search(agent, "555-0142")).containsExactly(johnson);
    assertThat(search(agent, "(305) 555")).containsExactly(smith);
    assertThat(search(agent, "7575550142")).containsExactly(johnson);
  }

  @Test
  void searchRespectsVisibilityAndTenants() throws Exception {
    assertThat(search(agent, "garcia")).isEmpty();
    assertThat(search(otherAgent, "garcia")).containsExactly(garcia);
    assertThat(search(fixtures.newTenant().admin(), "garcia")).isEmpty();
  }

  @Test
  void pagesThroughMatchesWithoutRepeats() throws Exception {
    for (int i = 0; i < 5; i++) {
      id(
          agent,
          Map.of(
              "firstName", "Page" + i, "lastName", "Pager", "email", "pager" + i + "@p.example"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          Fixtures.read(
              mvc.perform(
                      get("/api/leads/search?q=pager&limit=2"
                              + (cursor == null ? "" : "&cursor=" + cursor))
                          .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
                  .andExpect(status().isOk())
                  .andReturn());
      page.get("items").forEach(n -> seen.add(n.get("id").asString()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void searchTermIsValidated() throws Exception {
    mvc.perform(get("/api/leads/search?q=a").header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"));
    mvc.perform(
            get("/api/leads/search?q=ab&limit=51")
                .header(HttpHeaders.AUTHORIZATION, agent.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    // LIKE wildcards are searched for literally.
    assertThat(search(agent, "%%")).isEmpty();
  }

  @Test
  void searchSecurity() {
    EndpointSecurity.of(mvc, () -> get("/api/leads/search?q=john"))
        .rejectsMissingAndBrokenTokens(TestTokens.user(agent.id(), world.tenantId()))
        .forbids(TestTokens.forRole("PLATFORM_ADMIN", world.tenantId()));
  }

  private UUID id(Member owner, Map<String, ?> body) {
    return UUID.fromString(fixtures.createLead(owner, body).get("id").asString());
  }

  private List<UUID> search(Member member, String q) throws Exception {
    JsonNode page =
        Fixtures.read(
            mvc.perform(
                    get("/api/leads/search")
                        .param("q", q)
                        .header(HttpHeaders.AUTHORIZATION, member.bearer()))
                .andExpect(status().isOk())
                .andReturn());
    List<UUID> ids = new ArrayList<>();
    page.get("items").forEach(n -> ids.add(UUID.fromString(n.get("id").asString())));
    return ids;
  }
}
