package com.chosencrm.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway itself produces, as problem+json: no route (404), a service that cannot
 * be reached or whose breaker is open (503), one that answers too slowly (504), token keys that
 * cannot be fetched (503), and anything unexpected (500, logged, nothing leaked). Ahead of Boot's
 * default handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final GatewayProblems problems;

  ProblemExceptionHandler(GatewayProblems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    HttpStatus status = statusOf(error);
    if (status.is5xxServerError()) {
      log.warn(
          "{} {} answered {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath().value(),
          status.value(),
          error.toString());
    }
    return problems.write(exchange, status, detail(status));
  }

  private static HttpStatus statusOf(Throwable error) {
    if (error instanceof ResponseStatusException e) {
      return resolve(e.getStatusCode());
    }
    if (error instanceof TimeoutException) {
      return HttpStatus.GATEWAY_TIMEOUT;
    }
    if (error instanceof CallNotPermittedException
        || error instanceof ServiceUnavailableException
        || error instanceof ConnectException
        || error instanceof ConnectTimeoutException
        || error instanceof PrematureCloseException
        || error instanceof AuthenticationServiceException) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    if (error.getCause() != null && error.getCause() != error) {
      HttpStatus cause = statusOf(error.getCause());
      if (cause != HttpStatus.INTERNAL_SERVER_ERROR) {
        return cause;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static HttpStatus resolve(HttpStatusCode code) {
    HttpStatus status = HttpStatus.resolve(code.value());
    return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "No such resource";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here";
      case SERVICE_UNAVAILABLE, BAD_GATEWAY ->
          "The service is unavailable; try again shortly and quote the request id if it persists";
      case GATEWAY_TIMEOUT ->
          "The service did not answer in time; try again and quote the request id if it persists";
      case UNAUTHORIZED -> "A valid access token is required; sign in again";
      case FORBIDDEN -> "Your role does not allow this action";
      default ->
          status.is4xxClientError()
              ? "The request could not be processed"
              : "Something went wrong; quote the request id when reporting it";
    };
  }
}
