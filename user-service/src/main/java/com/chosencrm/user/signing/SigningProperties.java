package com.chosencrm.user.signing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param encryptionKey base64 AES-256 key protecting private keys at rest (environment only)
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of a refresh token (each use rotates it)
 * @param keyCacheTtl how long an instance trusts its cached view of the key table
 */
@Validated
@ConfigurationProperties("chosencrm.keys")
public record SigningProperties(
    String encryptionKey,
    @DefaultValue("15m") @NotNull Duration accessTokenTtl,
    @DefaultValue("14d") @NotNull Duration refreshTokenTtl,
    @DefaultValue("30s") @NotNull Duration keyCacheTtl) {}
