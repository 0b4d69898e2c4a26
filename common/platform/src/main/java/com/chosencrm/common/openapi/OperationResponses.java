package com.chosencrm.common.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every operation may answer besides its success, as the platform really answers it:
 *
 * <ul>
 *   <li>operations on public paths need no token: no security requirement, no 401 or 403;
 *   <li>every other operation may answer 401 (no valid token) and 403 (role or tenant);
 *   <li>400 where the request carries parameters or a body, 404 where the path names something, 500
 *       anywhere;
 *   <li>an error response a controller declares ({@code @ApiResponse(responseCode = "409", ...)})
 *       gets the problem+json body;
 *   <li>a 201 Created carries the new resource's {@code Location}.
 * </ul>
 */
final class OperationResponses implements OpenApiCustomizer {

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "400", "Invalid request (problem+json with field errors)",
          "401", "Missing, invalid, expired or revoked token",
          "403", "The caller's role does not allow this",
          "404", "Not found, or not in the caller's tenant",
          "500", "Unexpected error; quote the request id");

  private static final String PROBLEM_JSON = "application/problem+json";

  private final List<PathPattern> publicPaths;

  OperationResponses(List<String> publicPaths) {
    PathPatternParser parser = new PathPatternParser();
    this.publicPaths = publicPaths.stream().map(parser::parse).toList();
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              boolean open = isPublic(path);
              item.readOperations().forEach(operation -> describe(path, open, operation));
            });
  }

  private boolean isPublic(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
  }

  private static void describe(String path, boolean open, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    ApiResponses responses = operation.getResponses();
    List<String> statuses = new ArrayList<>();
    boolean hasInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (hasInput) {
      statuses.add("400");
    }
    if (open) {
      operation.setSecurity(List.of()); // overrides the document's bearer requirement
    } else {
      statuses.add("401");
      statuses.add("403");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    statuses.add("500");
    statuses.forEach(
        status ->
            responses.computeIfAbsent(
                status, s -> new ApiResponse().description(DESCRIPTIONS.get(s))));
    boolean answersSuccess = responses.keySet().stream().anyMatch(status -> status.startsWith("2"));
    if (!answersSuccess) {
      // With only error responses declared, springdoc leaves out the 200 it would have derived
      // and gives its body to the declared ones instead: put it back where it belongs.
      responses.values().stream()
          .map(ApiResponse::getContent)
          .filter(content -> content != null && !content.containsKey(PROBLEM_JSON))
          .findFirst()
          .ifPresent(
              content ->
                  responses.addApiResponse(
                      "200", new ApiResponse().description("OK").content(content)));
    }
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            // springdoc gives a declared error response the operation's own body: replace it.
            if (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON)) {
              response.setContent(problem());
            }
            return;
          }
          if (status.equals("201")) {
            response.setHeaders(
                response.getHeaders() == null ? new LinkedHashMap<>() : response.getHeaders());
            response
                .getHeaders()
                .putIfAbsent(
                    "Location", new Header().description("Where the created resource is read"));
          }
          if (response.getHeaders() != null
              && response.getHeaders().get("Location") instanceof Header location
              && location.getSchema() == null) {
            location.schema(
                OpenApiDefaultsAutoConfiguration.typed("string").format("uri-reference"));
          }
        });
  }

  private static Content problem() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType()
                .schema(
                    new Schema<>()
                        .$ref("#/components/schemas/" + OpenApiDefaultsAutoConfiguration.PROBLEM)));
  }
}
