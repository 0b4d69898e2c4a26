package com.chosencrm.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds "Demo Mortgage Co" through the public API, exactly as a person would: sign-up, then the
 * admin creates a supervisor, a team and three agents. Skipped when the admin can already log in,
 * so restarts keep whatever the demo user changed.
 */
final class DemoTenantSeeder {

  static final String COMPANY = "Demo Mortgage Co";
  static final String DOMAIN = "@demo.chosencrm.test";
  static final String PASSWORD = "Demo-Mortgage-2026";

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  DemoTenantSeeder(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Result(boolean created, List<String> logins) {
    String describe() {
      StringBuilder text =
          new StringBuilder(
              created
                  ? "Demo tenant \"" + COMPANY + "\" created."
                  : "Demo tenant \"" + COMPANY + "\":");
      text.append(" Logins (password ").append(PASSWORD).append("):");
      logins.forEach(login -> text.append("\n  ").append(login));
      return text.toString();
    }
  }

  Result seed() throws IOException, InterruptedException {
    List<String> logins =
        new ArrayList<>(
            List.of(
                "admin" + DOMAIN + "       ADMIN",
                "supervisor" + DOMAIN + "  SUPERVISOR (Purchase Team)",
                "agent1" + DOMAIN + "      AGENT",
                "agent2" + DOMAIN + "      AGENT",
                "agent3" + DOMAIN + "      AGENT"));
    HttpResponse<String> login =
        post("/api/auth/login", Map.of("email", "admin" + DOMAIN, "password", PASSWORD), null);
    if (login.statusCode() == 200) {
      return new Result(false, logins);
    }
    HttpResponse<String> registered =
        post(
            "/api/auth/register",
            Map.of(
                "companyName",
                COMPANY,
                "firstName",
                "Dana",
                "lastName",
                "Whitfield",
                "email",
                "admin" + DOMAIN,
                "password",
                PASSWORD),
            null);
    String token = expect(registered, 201).path("accessToken").asString();

    String supervisorId =
        createUser(token, "supervisor", "Marcus", "Reyes", List.of("SUPERVISOR"), null);
    String teamId =
        expect(
                post(
                    "/api/teams",
                    Map.of("name", "Purchase Team", "supervisorId", supervisorId),
                    token),
                201)
            .path("id")
            .asString();
    String[][] agents = {{"Priya", "Shah"}, {"Tom", "Becker"}, {"Ana", "Lopez"}};
    for (int i = 0; i < agents.length; i++) {
      createUser(token, "agent" + (i + 1), agents[i][0], agents[i][1], List.of("AGENT"), teamId);
    }
    return new Result(true, logins);
  }

  private String createUser(
      String token, String local, String first, String last, List<String> roles, String teamId)
      throws IOException, InterruptedException {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("email", local + DOMAIN);
    body.put("firstName", first);
    body.put("lastName", last);
    body.put("password", PASSWORD);
    body.put("roles", roles);
    if (teamId != null) {
      body.put("teamId", teamId);
    }
    return expect(post("/api/users", body, token), 201).path("id").asString();
  }

  private HttpResponse<String> post(String path, Object body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "Seeding the demo tenant failed: "
              + response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + " "
              + response.body());
    }
    return json.readTree(response.body());
  }
}
