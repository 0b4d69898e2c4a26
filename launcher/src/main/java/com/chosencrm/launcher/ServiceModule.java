package com.chosencrm.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runnable module of the platform, found from the root pom's module list: any module with a
 * Spring Boot {@code application.yml} declaring {@code server.port: ${PORT:nnnn}}. A new service is
 * picked up by adding it to the pom, with no change here.
 */
record ServiceModule(String name, Path directory, int port) {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern PORT = Pattern.compile("port:\\s*\\$\\{PORT:(\\d+)}");

  boolean isGateway() {
    return name.equals("api-gateway");
  }

  boolean isUserService() {
    return name.equals("user-service");
  }

  /** The executable jar built by {@code mvn package}. */
  Optional<Path> jar() throws IOException {
    Path target = directory.resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(name + "-"))
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst();
    }
  }

  /** Services in start order: user-service first (it publishes the keys), the gateway last. */
  static List<ServiceModule> discover(Path root) throws IOException {
    List<ServiceModule> modules = new ArrayList<>();
    Matcher matcher = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    while (matcher.find()) {
      String name = matcher.group(1).trim();
      Path config = root.resolve(name).resolve("src/main/resources/application.yml");
      if (!Files.exists(config)) {
        continue;
      }
      Matcher port = PORT.matcher(Files.readString(config));
      if (port.find()) {
        modules.add(new ServiceModule(name, root.resolve(name), Integer.parseInt(port.group(1))));
      }
    }
    modules.sort(
        Comparator.comparingInt((ServiceModule m) -> m.isUserService() ? 0 : m.isGateway() ? 2 : 1)
            .thenComparing(ServiceModule::name));
    return modules;
  }
}
