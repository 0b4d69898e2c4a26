package com.chosencrm.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway serves to browsers.
 *
 * @param allowedOrigins origins of the SPA allowed to call the API cross-origin (CORS)
 * @param spaLocation where the built SPA lives, e.g. {@code file:/srv/chosencrm/frontend/dist/};
 *     empty to serve no SPA
 */
@Validated
@ConfigurationProperties("chosencrm.gateway")
public record EdgeProperties(
    @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
    @DefaultValue("") String spaLocation) {

  public boolean servesSpa() {
    return spaLocation != null && !spaLocation.isBlank();
  }
}
