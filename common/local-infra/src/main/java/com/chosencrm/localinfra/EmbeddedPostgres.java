package com.chosencrm.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 17 server from the zonky binaries on the classpath, for tests and local runs
 * where no Docker engine exists. PostgreSQL refuses to run as root, so when the JVM is root (CI
 * containers) the server processes run as the unprivileged {@code nobody} user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String VERSION = "17.11.0";
  private static final String UNPRIVILEGED_USER = "nobody";

  private final Path binaries;
  private final Path dataDirectory;
  private final int port;
  private final boolean asRoot;
  private final boolean durable;
  private volatile boolean running;

  private EmbeddedPostgres(
      Path binaries, Path dataDirectory, int port, boolean asRoot, boolean durable) {
    this.binaries = binaries;
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.asRoot = asRoot;
    this.durable = durable;
  }

  /**
   * Starts a server on {@code port} (0 for any free one) over {@code dataDirectory}, creating the
   * cluster if the directory is empty. {@code durable=false} is for tests: fsync off, and the data
   * directory is deleted when the server stops.
   */
  public static EmbeddedPostgres start(Path dataDirectory, int port, boolean durable) {
    try {
      boolean asRoot = "root".equals(System.getProperty("user.name"));
      Path binaries = extractBinaries(asRoot);
      int chosenPort = port == 0 ? freePort() : port;
      EmbeddedPostgres server =
          new EmbeddedPostgres(
              binaries, dataDirectory.toAbsolutePath(), chosenPort, asRoot, durable);
      server.initIfNeeded();
      server.startServer();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String username() {
    return "postgres";
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), username(), "");
  }

  /** Creates a database if it does not exist yet. */
  public void createDatabase(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Unsafe database name: " + name);
    }
    try (Connection connection = connect("postgres");
        var statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!exists.next()) {
        statement.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      run(
          Duration.ofSeconds(30),
          pgCtl("-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"));
    } catch (IOException | RuntimeException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
    if (!durable) {
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + directory + ": " + e.getMessage());
    }
  }

  private void initIfNeeded() throws IOException {
    Files.createDirectories(dataDirectory);
    if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
      return;
    }
    Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
    if (asRoot) {
      run(
          Duration.ofSeconds(30),
          List.of("chown", "-R", UNPRIVILEGED_USER, dataDirectory.toString()));
      try {
        run(Duration.ofSeconds(10), asUser(List.of("test", "-w", dataDirectory.toString())));
      } catch (IOException e) {
        throw new IOException(
            "PostgreSQL runs as '"
                + UNPRIVILEGED_USER
                + "' because this process is root, and that user cannot reach "
                + dataDirectory
                + " (a parent folder is private). Choose a data folder under /var/tmp or /tmp,"
                + " e.g. CHOSENCRM_DATA_DIR=/var/tmp/chosencrm",
            e);
      }
    }
    run(
        Duration.ofMinutes(2),
        asUser(
            List.of(
                binaries.resolve("bin/initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-D",
                dataDirectory.toString(),
                "-E",
                "UTF-8",
                "--no-locale")));
  }

  private void startServer() throws IOException {
    String options =
        "-p "
            + port
            + " -h 127.0.0.1 -k "
            + dataDirectory
            + " -c max_connections=300 -c shared_buffers=128MB"
            + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    run(
        Duration.ofMinutes(1),
        pgCtl(
            "-D",
            dataDirectory.toString(),
            "-l",
            dataDirectory.resolve("postgres.log").toString(),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start"));
    running = true;
  }

  private List<String> pgCtl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve("bin/pg_ctl").toString());
    command.addAll(List.of(args));
    return asUser(command);
  }

  private List<String> asUser(List<String> command) {
    if (!asRoot) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(Duration timeout, List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("Timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "Failed (" + process.exitValue() + "): " + command + "\n" + new String(output));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted: " + command, e);
    }
  }

  /** Unpacks the binaries once per machine and version; concurrent JVMs race safely via a move. */
  private static Path extractBinaries(boolean asRoot) throws IOException {
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "chosencrm-postgres-" + VERSION);
    if (Files.exists(target.resolve("bin/pg_ctl"))) {
      return target;
    }
    Path staging = Files.createTempDirectory("chosencrm-postgres-extract");
    try (InputStream archive =
        EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IOException(ARCHIVE + " is not on the classpath");
      }
      try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path path = staging.resolve(entry.getName()).normalize();
          if (!path.startsWith(staging)) {
            throw new IOException("Archive entry outside target: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(path);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            path.toFile().setExecutable((entry.getMode() & 0100) != 0, false);
            path.toFile().setReadable(true, false);
          }
        }
      }
    }
    try (var walk = Files.walk(staging)) {
      walk.filter(Files::isDirectory).forEach(dir -> dir.toFile().setExecutable(true, false));
    }
    staging.toFile().setReadable(true, false);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException alreadyThere) {
      if (!Files.exists(target.resolve("bin/pg_ctl"))) {
        throw alreadyThere;
      }
    }
    return target;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
