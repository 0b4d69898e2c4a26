package com.chosencrm.gateway.request;

import java.nio.file.Path;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Writes answers, and ends every exchange, on the event loop of the request's connection, whichever
 * thread produced it: a proxied answer arrives on the client connection's loop, a 401 for a token
 * whose key is new on the loop that fetched the JWKS, a health answer on Lettuce's thread.
 *
 * <p>Reactor Netty 1.3.6 (Boot 4.0.7's) can stop reading a keep-alive connection when an answer is
 * written from another thread: the client's next request arrives before the previous exchange has
 * terminated, is buffered, and once the buffer drains nobody asks the socket for more
 * (reactor-netty#4361; fixed upstream in 1.3.8, which needs a Netty whose native jars are not all
 * on Maven Central yet). The request after that waits until the client gives up. Written from the
 * loop, the exchange terminates before the loop reads the next request. {@code KeepAliveTests}
 * shows the hang without this; remove it once on Reactor Netty 1.3.8 or later.
 */
@Component
class AnswersOnTheRequestLoop implements HttpHandlerDecoratorFactory {

  @Override
  public HttpHandler apply(HttpHandler handler) {
    return (request, response) -> {
      Scheduler loop = RequestThread.of(request);
      if (loop == Schedulers.immediate() || !(response instanceof ZeroCopyHttpOutputMessage)) {
        return handler.handle(request, response);
      }
      return handler.handle(request, new WrittenOnTheLoop(response, loop)).publishOn(loop);
    };
  }

  /**
   * Bodies are handed to the response on the loop, a single buffer as a single buffer (so it keeps
   * its Content-Length), a stream chunk by chunk. Files stay zero-copy. Streams flushed chunk by
   * chunk ({@code writeAndFlushWith}: server-sent events) are left as they are; they end on the
   * loop with the exchange.
   */
  private static final class WrittenOnTheLoop extends ServerHttpResponseDecorator
      implements ZeroCopyHttpOutputMessage {

    private final Scheduler loop;

    WrittenOnTheLoop(ServerHttpResponse delegate, Scheduler loop) {
      super(delegate);
      this.loop = loop;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      Publisher<? extends DataBuffer> onLoop =
          body instanceof Mono<? extends DataBuffer> single
              ? single.publishOn(loop)
              : Flux.from(body).publishOn(loop);
      return super.writeWith(onLoop);
    }

    @Override
    public Mono<Void> writeWith(Path file, long position, long count) {
      return ((ZeroCopyHttpOutputMessage) getDelegate())
          .writeWith(file, position, count)
          .subscribeOn(loop);
    }
  }
}
