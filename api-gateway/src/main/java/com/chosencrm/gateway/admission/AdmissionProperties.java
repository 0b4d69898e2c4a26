package com.chosencrm.gateway.admission;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the edge goes to Redis for a caller it has just seen (ADR 0009).
 *
 * @param denyListRecheck how long a token the deny-list let through is let through again without
 *     asking: the edge refuses a revoked token within this time (every service refuses it at once);
 *     zero asks on every request
 * @param leaseFor how long the rate-limit tokens an instance took from a bucket ahead of time stay
 *     usable here; zero takes one token per request
 */
@Validated
@ConfigurationProperties("chosencrm.gateway.admission")
public record AdmissionProperties(
    @DefaultValue("1s") @NotNull Duration denyListRecheck,
    @DefaultValue("1s") @NotNull Duration leaseFor) {}
