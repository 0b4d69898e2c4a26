package com.chosencrm.gateway.security;

import com.chosencrm.common.security.PlatformSecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code chosencrm.security.*}, the same token settings every service reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
class SecurityCoreConfiguration {}
