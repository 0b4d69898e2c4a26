package com.chosencrm.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway serves to browsers, and how it remembers verified tokens.
 *
 * @param allowedOrigins origins of the SPA allowed to call the API cross-origin (CORS)
 * @param spaLocation where the built SPA lives, e.g. {@code file:/srv/chosencrm/frontend/dist/};
 *     empty to serve no SPA
 * @param tokenCache verified access tokens kept so a repeated token skips signature verification
 */
@Validated
@ConfigurationProperties("chosencrm.gateway")
public record EdgeProperties(
    @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
    @DefaultValue("") String spaLocation,
    @DefaultValue @Valid TokenCache tokenCache) {

  public boolean servesSpa() {
    return spaLocation != null && !spaLocation.isBlank();
  }

  /**
   * @param maxEntries how many verified tokens to keep (about 2 KB each); 0 turns the cache off
   * @param maxAge the longest a token is taken from the cache (never beyond its {@code exp}): how
   *     long a token signed with a key withdrawn from the JWKS can still pass
   */
  public record TokenCache(
      @DefaultValue("10000") @PositiveOrZero int maxEntries, @DefaultValue("5m") Duration maxAge) {}
}
