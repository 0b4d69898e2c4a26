package com.chosencrm.common.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every service verifies access tokens.
 *
 * @param issuer expected {@code iss}
 * @param audience expected entry of {@code aud}
 * @param jwkSetUri where user-service publishes its keys
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param publicPaths extra Ant-style paths a service serves without a token (webhooks, JWKS)
 */
@Validated
@ConfigurationProperties("chosencrm.security")
public record PlatformSecurityProperties(
    @DefaultValue("chosencrm") @NotBlank String issuer,
    @DefaultValue("chosencrm-api") @NotBlank String audience,
    @DefaultValue("http://localhost:8081/.well-known/jwks.json") @NotBlank String jwkSetUri,
    @DefaultValue("60s") @NotNull Duration clockSkew,
    @DefaultValue List<String> publicPaths) {}
