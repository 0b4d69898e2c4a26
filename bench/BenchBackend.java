import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The stand-in service of bench/gateway-overhead.sh, run as a single source file (no build): it
 * verifies nothing, answers {@code /api/leads/fast} at once and {@code /api/leads/slow20} after 20
 * ms, publishes a freshly generated RSA key as the JWKS the gateway trusts, and writes an access
 * token signed with it to the file named by its second argument.
 *
 * <p>Usage: {@code java bench/BenchBackend.java PORT TOKEN_FILE}
 */
public class BenchBackend {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path tokenFile = Path.of(args[1]);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
    String kid = "bench-key";
    byte[] jwks =
        ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
                + kid
                + "\",\"n\":\""
                + b64(unsigned(publicKey.getModulus()))
                + "\",\"e\":\""
                + b64(unsigned(publicKey.getPublicExponent()))
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
    String claims =
        "{\"sub\":\"%s\",\"tid\":\"%s\",\"roles\":[\"AGENT\"],\"jti\":\"%s\",\"iss\":\"chosencrm\",\"aud\":\"chosencrm-api\",\"iat\":%d,\"nbf\":%d,\"exp\":%d}"
            .formatted(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), now, now, now + 3600);
    String signingInput =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(keys.getPrivate());
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    Files.writeString(tokenFile, signingInput + "." + b64(rs256.sign()));

    byte[] body = "{\"id\":\"42\",\"name\":\"Ada Lovelace\",\"status\":\"NEW\"}".getBytes();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    server.createContext(
        "/api/leads/",
        exchange -> {
          if (exchange.getRequestURI().getPath().endsWith("/slow20")) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    System.out.println("bench backend on 127.0.0.1:" + port);
  }

  private static String b64(byte[] bytes) {
    return B64.encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0 && bytes.length > 1) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }
}
