package com.chosencrm.testsupport.infra;

import com.chosencrm.localinfra.EmbeddedPostgres;
import com.chosencrm.localinfra.EmbeddedRedis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL 17 and one Redis per test JVM, started on first use and shared by every Spring
 * context; each context gets a database of its own. Testcontainers is used where a Docker engine
 * answers, embedded binaries otherwise ({@code CHOSENCRM_TEST_INFRA=embedded|containers} forces
 * one).
 */
public final class TestInfrastructure {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Database database;
  private static RedisEndpoint redis;

  private TestInfrastructure() {}

  /** Where a context's database lives. */
  public record DatabaseCoordinates(String url, String username, String password) {}

  /** Where the shared Redis listens, and which logical database a context uses. */
  public record RedisEndpoint(String host, int port) {}

  private interface Database {
    String jdbcUrl(String name);

    String username();

    String password();
  }

  /** A fresh, empty database on the shared server. */
  public static synchronized DatabaseCoordinates newDatabase() {
    Database server = database();
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.username(), server.password());
        var statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new DatabaseCoordinates(server.jdbcUrl(name), server.username(), server.password());
  }

  public static synchronized RedisEndpoint redis() {
    if (redis == null) {
      if (useContainers()) {
        GenericContainer<?> container =
            new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        redis = new RedisEndpoint(container.getHost(), container.getMappedPort(6379));
      } else {
        EmbeddedRedis server = EmbeddedRedis.start(0, null);
        redis = new RedisEndpoint("127.0.0.1", server.port());
      }
    }
    return redis;
  }

  /** Empties one logical Redis database so a new context starts clean. */
  public static void flushRedis(int databaseIndex) {
    RedisEndpoint endpoint = redis();
    try (Socket socket = new Socket(endpoint.host(), endpoint.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("SELECT " + databaseIndex + "\r\nFLUSHDB\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.getInputStream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not flush test Redis", e);
    }
  }

  private static Database database() {
    if (database == null) {
      database = useContainers() ? containerDatabase() : embeddedDatabase();
    }
    return database;
  }

  private static Database embeddedDatabase() {
    try {
      Path dataDirectory = Files.createTempDirectory("chosencrm-test-pg-");
      EmbeddedPostgres server = EmbeddedPostgres.start(dataDirectory, 0, false);
      return new Database() {
        public String jdbcUrl(String name) {
          return server.jdbcUrl(name);
        }

        public String username() {
          return server.username();
        }

        public String password() {
          return "";
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Database containerDatabase() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    return new Database() {
      public String jdbcUrl(String name) {
        return "jdbc:postgresql://"
            + container.getHost()
            + ":"
            + container.getMappedPort(5432)
            + "/"
            + name;
      }

      public String username() {
        return container.getUsername();
      }

      public String password() {
        return container.getPassword();
      }
    };
  }

  private static boolean useContainers() {
    String forced = System.getenv("CHOSENCRM_TEST_INFRA");
    if ("embedded".equalsIgnoreCase(forced)) {
      return false;
    }
    if ("containers".equalsIgnoreCase(forced)) {
      return true;
    }
    // Asking Testcontainers costs seconds when there is no engine; look for one cheaply first.
    boolean engineLikely =
        System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    return engineLikely && DockerClientFactory.instance().isDockerAvailable();
  }
}
