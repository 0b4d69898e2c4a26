package com.chosencrm.lead.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param deletedRetention how long a deleted lead can be restored before the purge removes it
 * @param bulkLimit the most leads one bulk action may change (in one transaction)
 * @param purgeInterval how often an instance looks for deleted leads to purge
 */
@Validated
@ConfigurationProperties("chosencrm.leads")
public record LeadProperties(
    @DefaultValue("30d") @NotNull Duration deletedRetention,
    @DefaultValue("10000") @Min(1) @Max(100_000) int bulkLimit,
    @DefaultValue("1h") @NotNull Duration purgeInterval) {}
