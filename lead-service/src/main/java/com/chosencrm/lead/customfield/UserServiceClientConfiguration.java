package com.chosencrm.lead.customfield;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The client for user-service: timeouts on the connection and the answer, a retry for transient
 * failures, and a circuit breaker so that an unreachable user-service costs a fast 503 instead of a
 * timeout per request. 4xx answers are the caller's problem and count as neither.
 */
@Configuration(proxyBeanMethods = false)
class UserServiceClientConfiguration {

  @Bean
  CustomFieldsClient customFieldsClient(HttpServiceProxyFactory userService) {
    return userService.createClient(CustomFieldsClient.class);
  }

  @Bean
  TenantFeaturesClient tenantFeaturesClient(HttpServiceProxyFactory userService) {
    return userService.createClient(TenantFeaturesClient.class);
  }

  @Bean
  HttpServiceProxyFactory userServiceClients(
      UserServiceProperties properties, RestClient.Builder builder) {
    // HTTP/1.1: services speak plain HTTP inside the cluster, and an h2c upgrade buys nothing here.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(properties.readTimeout());
    RestClient client =
        builder.clone().baseUrl(properties.url().toString()).requestFactory(requests).build();
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build();
  }

  @Bean
  CircuitBreaker userServiceCircuitBreaker(UserServiceProperties properties) {
    return CircuitBreaker.of(
        "user-service",
        CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(properties.failureRateThreshold())
            .waitDurationInOpenState(properties.openStateWait())
            .recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
            .build());
  }

  @Bean
  Retry userServiceRetry(UserServiceProperties properties) {
    return Retry.of(
        "user-service",
        RetryConfig.custom()
            .maxAttempts(properties.retries() + 1)
            .waitDuration(Duration.ofMillis(200))
            .retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
            .build());
  }
}
