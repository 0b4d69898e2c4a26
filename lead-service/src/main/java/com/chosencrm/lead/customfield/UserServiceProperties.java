package com.chosencrm.lead.customfield;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How lead-service calls user-service.
 *
 * @param url base URL ({@code USER_SERVICE_URL})
 * @param connectTimeout giving up on connecting
 * @param readTimeout giving up on an answer
 * @param retries extra attempts after a connection failure or a 5xx (validation has no side effect)
 * @param failureRateThreshold percentage of failed calls that opens the circuit breaker
 * @param openStateWait how long an open circuit answers 503 at once before trying again
 */
@Validated
@ConfigurationProperties("chosencrm.leads.user-service")
public record UserServiceProperties(
    @DefaultValue("http://localhost:8081") @NotNull URI url,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("3s") @NotNull Duration readTimeout,
    @DefaultValue("1") int retries,
    @DefaultValue("50") float failureRateThreshold,
    @DefaultValue("10s") @NotNull Duration openStateWait) {}
