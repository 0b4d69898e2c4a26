package com.chosencrm.gateway.request;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Ends every exchange on the event loop of the request's connection, whichever thread finished the
 * answer: a proxied answer ends on the client connection's loop, a Redis answer on Lettuce's
 * thread. With {@code GatewayProblems} writing its answers from that loop too, an exchange
 * terminates before the loop reads the connection's next request.
 *
 * <p>Reactor Netty 1.3.6 (Boot 4.0.7's) can stop reading a keep-alive connection when an exchange
 * ends from another thread: the client's next request arrives before the previous exchange has
 * terminated, is buffered, and once the buffer drains nobody asks the socket for more
 * (reactor-netty#4361; fixed upstream in 1.3.8, which needs a Netty whose native jars are not all
 * on Maven Central yet). The request after that waits until the client gives up. {@code
 * KeepAliveTests} shows it; remove this once on Reactor Netty 1.3.8 or later.
 */
@Component
class AnswersOnTheRequestLoop implements HttpHandlerDecoratorFactory {

  @Override
  public HttpHandler apply(HttpHandler handler) {
    return (request, response) ->
        handler.handle(request, response).publishOn(RequestThread.of(request));
  }
}
