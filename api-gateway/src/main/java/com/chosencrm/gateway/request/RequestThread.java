package com.chosencrm.gateway.request;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The event loop that serves a request, to go on with the request there once Redis has answered.
 *
 * <p>Lettuce reads every answer on the I/O thread of its one shared connection. Carrying the
 * request on from that thread would put the whole gateway on it; handing it to a pool thread (as
 * Lettuce's {@code publishOnScheduler} does) costs a hop there and another one to the event loop
 * that writes to the service. Back on the request's own loop, the proxied call and the response are
 * written without any further hand-off. Also where every answer is written ({@link
 * AnswersOnTheRequestLoop}).
 *
 * <p>One scheduler per event loop, made once: a request asks for it twice on its way through.
 */
public final class RequestThread {

  private static final Map<EventLoop, Scheduler> LOOPS = new ConcurrentHashMap<>();

  private RequestThread() {}

  public static Scheduler of(ServerWebExchange exchange) {
    return of(exchange.getRequest());
  }

  /** The event loop of the request's connection; {@code immediate} off Reactor Netty (tests). */
  public static Scheduler of(ServerHttpRequest request) {
    Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
    return nativeRequest instanceof Connection connection
        ? LOOPS.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor)
        : Schedulers.immediate();
  }
}
