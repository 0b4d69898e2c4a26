package com.chosencrm.gateway.spa;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import com.chosencrm.gateway.EdgeProperties;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the built SPA from {@code SPA_LOCATION}: its files as they are (hashed assets cached for a
 * year, everything else revalidated), and {@code index.html} for any other GET outside the API so
 * that client routes like {@code /leads/42} survive a reload. Unknown {@code /api/**} paths are
 * never answered with the page: they stay a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${chosencrm.gateway.spa-location:}'.isBlank()")
class SpaConfiguration implements WebFluxConfigurer {

  // Paths the gateway routes or serves itself; the history fallback must never shadow them.
  private static final String[] NOT_CLIENT_ROUTES = {
    "/api", "/v3/", "/actuator", "/.well-known/", "/swagger-ui", "/webjars/"
  };

  private final String location;

  SpaConfiguration(EdgeProperties edge) {
    this.location =
        edge.spaLocation().endsWith("/") ? edge.spaLocation() : edge.spaLocation() + "/";
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Vite puts content-hashed files under assets/: a new build gets new names.
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations(location + "assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations(location)
        .setCacheControl(CacheControl.noCache());
  }

  @Bean
  RouterFunction<ServerResponse> spaHistoryFallback(ResourceLoader resources) {
    Resource index = resources.getResource(location + "index.html");
    return route(
        GET("/**").and(SpaConfiguration::isClientRoute),
        request ->
            ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(index));
  }

  /** A page of the SPA: not a path the gateway routes, and not a file (no dot in the last part). */
  static boolean isClientRoute(ServerRequest request) {
    String path = request.path();
    for (String prefix : NOT_CLIENT_ROUTES) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}
