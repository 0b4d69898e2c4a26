package com.chosencrm.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service as lead-service sees it, on WireMock, one per test JVM. By default custom field
 * validation accepts whatever it is sent and echoes it back as normalised; tests add stubs of
 * higher priority for the answers they need.
 */
public final class UserServiceStub {

  public static final String VALIDATE = "/api/settings/custom-fields/validate";
  public static final String DEFINITIONS = "/api/settings/custom-fields";
  public static final String FEATURES = "/api/settings/features";
  private static WireMockServer server;

  private UserServiceStub() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server =
          new WireMockServer(
              WireMockConfiguration.options()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .containerThreads(8)
                  .extensions(new EchoValues()));
      server.start();
      resetToDefaults();
    }
    return server;
  }

  /** Only the echoing default stub; call after a test that added its own. */
  public static void resetToDefaults() {
    WireMockServer wireMock = server();
    wireMock.resetAll();
    wireMock.stubFor(
        post(urlEqualTo(VALIDATE))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(EchoValues.NAME)));
    wireMock.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(DEFINITIONS))
            .atPriority(10)
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    wireMock.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(FEATURES))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(features(true))));
  }

  /** user-service's answer to GET /api/settings/features with lead import on or off. */
  public static String features(boolean leadImport) {
    return "[{\"key\":\"leadImport\",\"type\":\"BOOLEAN\",\"value\":"
        + leadImport
        + ",\"defaultValue\":true,\"overridden\":"
        + !leadImport
        + "},{\"key\":\"maxUsers\",\"type\":\"INTEGER\",\"value\":25}]";
  }

  /** Points the service under test at the stub. */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
          context, "chosencrm.leads.user-service.url=" + server().baseUrl());
    }
  }

  /**
   * Answers a validation request with the values it carried, as user-service does for valid ones.
   */
  static final class EchoValues implements ResponseDefinitionTransformerV2 {
    static final String NAME = "echo-custom-field-values";
    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
      String values = request.path("values").isObject() ? request.get("values").toString() : "{}";
      return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"entity\":\"LEAD\",\"values\":" + values + "}")
          .build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
