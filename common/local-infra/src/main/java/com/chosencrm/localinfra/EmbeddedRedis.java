package com.chosencrm.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis server (6.2 binary shipped in a Maven artifact) for tests and local runs. */
public final class EmbeddedRedis implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * @param port 0 for any free one
   * @param dataDirectory where to persist (append-only file), or null for a memory-only server
   */
  public static EmbeddedRedis start(int port, Path dataDirectory) {
    try {
      int chosen = port == 0 ? EmbeddedPostgres.freePort() : port;
      var builder = RedisServer.newRedisServer().port(chosen).bind("127.0.0.1");
      if (dataDirectory != null) {
        java.nio.file.Files.createDirectories(dataDirectory);
        builder.setting("dir " + dataDirectory.toAbsolutePath()).setting("appendonly yes");
      } else {
        builder.setting("save \"\"").setting("appendonly no");
      }
      RedisServer server = builder.setting("maxmemory 256mb").build();
      server.start();
      EmbeddedRedis redis = new EmbeddedRedis(server, chosen);
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded Redis", e);
    }
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      if (server.isActive()) {
        server.stop();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("Embedded Redis did not stop cleanly: " + e.getMessage());
    }
  }
}
