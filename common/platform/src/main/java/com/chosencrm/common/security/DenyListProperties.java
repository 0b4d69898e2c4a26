package com.chosencrm.common.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The copy of the deny-list each servlet service keeps (ADR 0010).
 *
 * @param mirror keep a copy (else Redis is asked on every request)
 * @param heartbeat how often the instance checks, through Redis, that change messages reach it
 * @param silenceLimit how long without its heartbeat coming back before the copy stops answering
 * @param resync how often the copy is read anew from Redis anyway (a change whose writer failed
 *     before announcing it)
 */
@Validated
@ConfigurationProperties("chosencrm.security.deny-list")
public record DenyListProperties(
    @DefaultValue("true") boolean mirror,
    @DefaultValue("1s") @NotNull Duration heartbeat,
    @DefaultValue("3s") @NotNull Duration silenceLimit,
    @DefaultValue("60s") @NotNull Duration resync) {}
