package com.chosencrm.gateway.admission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets for {@code /api/**}: a bucket holds up to {@code capacity} requests (the burst) and
 * refills at {@code refillPerSecond}.
 *
 * @param tenant every authenticated call, one bucket per tenant (all its users together)
 * @param anonymous public calls, one bucket per client IP
 * @param signIn login and sign-up, one bucket per client IP, on top of {@code anonymous}
 */
@Validated
@ConfigurationProperties("chosencrm.gateway.rate-limits")
public record RateLimitProperties(
    @DefaultValue @Valid Bucket tenant,
    @DefaultValue @Valid Bucket anonymous,
    @DefaultValue @Valid Bucket signIn) {

  public record Bucket(
      @DefaultValue("100") @Positive int capacity,
      @DefaultValue("50") @Positive double refillPerSecond) {}
}
