package com.chosencrm.user.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sign-in resists password guessing.
 *
 * @param maxFailedLogins failures for one email within {@code failureWindow} that lock it
 * @param failureWindow how long failures are remembered, per email and per client IP
 * @param lockDuration how long a locked email is refused, even with the right password
 * @param ipFailureThreshold failures from one IP within {@code failureWindow} before its attempts
 *     are slowed down
 * @param ipDelayStep delay added per failure beyond {@code ipFailureThreshold}
 * @param ipDelayMax the most a single attempt is delayed
 */
@Validated
@ConfigurationProperties("chosencrm.auth")
public record AuthProperties(
    @DefaultValue("5") @Min(1) int maxFailedLogins,
    @DefaultValue("15m") @NotNull Duration failureWindow,
    @DefaultValue("15m") @NotNull Duration lockDuration,
    @DefaultValue("10") @Min(1) int ipFailureThreshold,
    @DefaultValue("250ms") @NotNull Duration ipDelayStep,
    @DefaultValue("2s") @NotNull Duration ipDelayMax) {}
