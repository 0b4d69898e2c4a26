package com.chosencrm.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The test signing key of this JVM, and a real HTTP endpoint publishing its JWKS, so that services
 * under test fetch and verify keys exactly as they do against user-service.
 */
public final class TestJwks {

  public static final String KEY_ID = "test-signing-key";

  private static RSAKey key;
  private static RSAKey otherKey;
  private static String uri;

  private TestJwks() {}

  public static synchronized RSAKey key() {
    if (key == null) {
      key = generate(KEY_ID);
    }
    return key;
  }

  /** A key nobody publishes, for "unknown kid" and "wrong key" tokens. */
  public static synchronized RSAKey unpublishedKey() {
    if (otherKey == null) {
      otherKey = generate("unpublished-key");
    }
    return otherKey;
  }

  /** URL of the JWKS endpoint, started on first use. */
  public static synchronized String uri() {
    if (uri == null) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body =
            new JWKSet(key().toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        server.createContext(
            "/.well-known/jwks.json",
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
        server.setExecutor(null);
        server.start();
        uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uri;
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
