package com.chosencrm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads docker-compose.yml, the Dockerfiles and k8s/ of a checkout and lists what is missing or
 * wrong for the services of its root pom, one sentence per problem naming the file and the piece.
 * There is no Docker engine or cluster to try them on, so this is what keeps them honest: every
 * service module found by {@link ServiceModule#discover} must be built, configured and deployed.
 */
final class DeploymentManifests {

  static final String GATEWAY = "api-gateway";
  static final int GATEWAY_PORT = 8080;
  static final String SHARED_DOCKERFILE = "docker/service.Dockerfile";
  static final List<String> OVERLAYS = List.of("dev", "prod");
  static final int RUN_AS_USER = 10001;

  /** {@code ${NAME}} or {@code ${NAME:default}} in a Spring configuration file. */
  private static final Pattern SPRING_PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  /** {@code ${NAME}}, {@code ${NAME:?err}}, {@code ${NAME:-default}} in compose; not {@code $$}. */
  private static final Pattern COMPOSE_VARIABLE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

  /** Strategic-merge keys of the lists our patches touch, as Kubernetes defines them. */
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "volumes", "name",
          "volumeMounts", "mountPath",
          "ports", "containerPort");

  /**
   * What one service needs from a deployment: its port, its schema if it has a database, and the
   * environment variables its configuration cannot do without.
   */
  record Deployable(
      String name, int port, Optional<String> schema, Set<String> requiredEnv, boolean isGateway) {

    boolean usesDatabase() {
      return schema.isPresent();
    }

    boolean usesRedis() {
      return requiredEnv.contains("REDIS_HOST");
    }

    /** e.g. {@code USER_SERVICE_URL}, as the launcher names it. */
    String urlVariable() {
      return name.toUpperCase().replace('-', '_') + "_URL";
    }

    String image() {
      return "chosencrm/" + name;
    }
  }

  private final Path root;
  private final List<Deployable> deployables;

  DeploymentManifests(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.deployables = discoverDeployables(this.root);
  }

  List<Deployable> deployables() {
    return deployables;
  }

  // ---------------------------------------------------------------------------------------------
  // Services: what each module's configuration asks for

  private static List<Deployable> discoverDeployables(Path root) {
    List<Deployable> found = new ArrayList<>();
    try {
      List<ServiceModule> modules = ServiceModule.discover(root);
      Set<String> existingUrls = new TreeSet<>();
      for (ServiceModule module : modules) {
        existingUrls.add(module.name().toUpperCase().replace('-', '_') + "_URL");
      }
      for (ServiceModule module : modules) {
        found.add(deployable(module, existingUrls));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The gateway is the entry point of every deployment, even before its module is in the pom.
    if (found.stream().noneMatch(Deployable::isGateway)) {
      found.add(new Deployable(GATEWAY, GATEWAY_PORT, Optional.empty(), Set.of(), true));
    }
    return List.copyOf(found);
  }

  private static Deployable deployable(ServiceModule module, Set<String> existingUrls)
      throws IOException {
    Path resources = module.directory().resolve("src/main/resources");
    Set<String> required = new TreeSet<>();
    String schema = null;
    boolean datasource = false;
    try (Stream<Path> files = Files.list(resources)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (!fileName.matches("application(-[a-z0-9]+)?\\.ya?ml")
            || fileName.startsWith("application-local")) {
          continue; // the local profile is for bin/run only
        }
        String text = Files.readString(file);
        required.addAll(requiredVariables(text));
        for (Object document : loadAll(text)) {
          datasource |= path(document, "spring", "datasource") != null;
          if (path(document, "chosencrm", "schema") instanceof String s) {
            schema = s;
          }
        }
      }
    }
    required.remove("PORT"); // set by the image from its build argument, checked as the port
    // Addresses of services not built yet (the gateway routes to all of them) are only needed once
    // the service exists; then this check asks for them.
    required.removeIf(v -> v.endsWith("_SERVICE_URL") && !existingUrls.contains(v));
    if (datasource || required.contains("DB_URL")) {
      required.addAll(List.of("DB_URL", "DB_USERNAME", "DB_PASSWORD"));
    }
    return new Deployable(
        module.name(), module.port(), Optional.ofNullable(schema), required, module.isGateway());
  }

  /**
   * Placeholders a container must set: no default, an empty default (a secret), or a default that
   * points at localhost (right for a laptop, wrong in a container).
   */
  static Set<String> requiredVariables(String springConfig) {
    Set<String> required = new TreeSet<>();
    Matcher matcher = SPRING_PLACEHOLDER.matcher(springConfig);
    while (matcher.find()) {
      String fallback = matcher.group(2);
      if (fallback == null
          || fallback.isBlank()
          || fallback.contains("localhost")
          || fallback.contains("127.0.0.1")) {
        required.add(matcher.group(1));
      }
    }
    return required;
  }

  // ---------------------------------------------------------------------------------------------
  // YAML

  /** Every YAML file under k8s/, the compose file and the inline patches of kustomizations. */
  List<String> yamlProblems() {
    List<String> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>(yamlFilesUnder(root.resolve("k8s")));
    files.add(root.resolve("docker-compose.yml"));
    for (Path file : files) {
      try {
        List<Object> documents = loadAll(Files.readString(file));
        if (documents.stream().allMatch(Objects::isNull)) {
          problems.add(relative(file) + ": empty");
        }
        if (file.getFileName().toString().equals("kustomization.yaml")) {
          for (Object patch : list(path(documents.getFirst(), "patches"))) {
            if (path(patch, "patch") instanceof String inline) {
              loadAll(inline);
            }
          }
        }
      } catch (RuntimeException | IOException e) {
        problems.add(relative(file) + ": does not parse: " + e.getMessage());
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Images

  List<String> dockerfileProblems() {
    return guarded(this::checkDockerfileProblems);
  }

  private List<String> checkDockerfileProblems() {
    List<String> problems = new ArrayList<>();
    Path shared = root.resolve(SHARED_DOCKERFILE);
    if (!Files.exists(shared)) {
      problems.add(SHARED_DOCKERFILE + ": missing");
    } else {
      String dockerfile = read(shared);
      Map<String, String> required = new LinkedHashMap<>();
      required.put("ARG MODULE", "the MODULE build argument");
      required.put("ARG PORT", "the PORT build argument");
      required.put("-pl \"${MODULE}\" -am", "a build of the module and what it needs (-pl -am)");
      required.put("-Djarmode=tools", "Boot's jarmode=tools");
      required.put("extract --layers --launcher", "layered extraction with the launcher");
      for (String layer :
          List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
        required.put("/extracted/" + layer + "/", "a COPY of the " + layer + " layer");
      }
      required.put("USER 10001", "a non-root user (uid 10001)");
      required.put("HEALTHCHECK", "a HEALTHCHECK");
      required.put("/actuator/health/liveness", "a health check on /actuator/health/liveness");
      required.put("EXPOSE ${PORT}", "EXPOSE of the service port");
      required.put("MaxRAMPercentage", "container-sized heap (MaxRAMPercentage)");
      required.forEach(
          (text, what) -> {
            if (!dockerfile.contains(text)) {
              problems.add(SHARED_DOCKERFILE + ": lacks " + what + " (" + text + ")");
            }
          });
      if (!Pattern.compile("eclipse-temurin:25\\.\\d+\\.\\d+[_\\d]*-jre")
          .matcher(dockerfile)
          .find()) {
        problems.add(
            SHARED_DOCKERFILE + ": runtime image is not a pinned eclipse-temurin:25.x.y-jre");
      }
    }
    Map<String, Object> services = composeServices();
    for (Deployable service : deployables) {
      boolean ownDockerfile = Files.exists(root.resolve(service.name()).resolve("Dockerfile"));
      boolean sharedBuild =
          SHARED_DOCKERFILE.equals(path(services.get(service.name()), "build", "dockerfile"));
      if (!ownDockerfile && !sharedBuild) {
        problems.add(
            service.name()
                + ": no image: neither "
                + service.name()
                + "/Dockerfile nor a docker-compose.yml build with "
                + SHARED_DOCKERFILE);
      }
    }
    Path spa = root.resolve("frontend/Dockerfile");
    if (!Files.exists(spa)) {
      problems.add("frontend/Dockerfile: missing");
    } else if (!read(spa).contains("nginx-unprivileged")) {
      problems.add("frontend/Dockerfile: does not serve the SPA from nginx-unprivileged");
    }
    Path nginx = root.resolve("frontend/docker/nginx.conf");
    if (!Files.exists(nginx) || !read(nginx).matches("(?s).*try_files[^;]*/index\\.html;.*")) {
      problems.add("frontend/docker/nginx.conf: missing, or no history fallback to /index.html");
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // docker-compose.yml

  List<String> composeProblems() {
    return guarded(this::checkComposeProblems);
  }

  private List<String> checkComposeProblems() {
    List<String> problems = new ArrayList<>();
    Map<String, Object> services = composeServices();
    if (services.isEmpty()) {
      return List.of("docker-compose.yml: missing or has no services");
    }
    String where = "docker-compose.yml: ";
    Object postgres = services.get("postgres");
    if (!(path(postgres, "image") instanceof String image) || !image.startsWith("postgres:17")) {
      problems.add(where + "service postgres must run a postgres:17 image");
    }
    if (!list(path(postgres, "volumes")).toString().contains("./docker/postgres/init:")) {
      problems.add(where + "postgres does not mount docker/postgres/init (the per-service roles)");
    }
    if (!(path(services.get("redis"), "image") instanceof String redis)
        || !redis.startsWith("redis:7")) {
      problems.add(where + "service redis must run a redis:7 image");
    }
    Map<String, Object> postgresEnv = map(path(postgres, "environment"));

    for (Deployable service : deployables) {
      String name = service.name();
      Object definition = services.get(name);
      if (definition == null) {
        problems.add(where + "no service " + name + " (port " + service.port() + ")");
        continue;
      }
      String at = where + name + ": ";
      if (!(path(definition, "image") instanceof String image)
          || !image.startsWith(service.image() + ":")) {
        problems.add(at + "image must be " + service.image() + ":<tag>");
      }
      Object build = path(definition, "build");
      if (SHARED_DOCKERFILE.equals(path(build, "dockerfile"))) {
        if (!name.equals(string(path(build, "args", "MODULE")))) {
          problems.add(at + "build arg MODULE must be " + name);
        }
        if (!String.valueOf(service.port()).equals(string(path(build, "args", "PORT")))) {
          problems.add(at + "build arg PORT must be " + service.port());
        }
      }
      List<Object> published = list(path(definition, "ports"));
      if (service.isGateway()) {
        if (!published.contains(GATEWAY_PORT + ":" + service.port())) {
          problems.add(at + "must publish " + GATEWAY_PORT + ":" + service.port());
        }
      } else {
        if (!published.isEmpty()) {
          problems.add(at + "publishes ports " + published + "; only the gateway may");
        }
        if (!list(path(definition, "expose")).stream()
            .map(String::valueOf)
            .toList()
            .contains(String.valueOf(service.port()))) {
          problems.add(at + "must expose port " + service.port());
        }
      }
      if (path(definition, "healthcheck", "test") == null && !sharedBuildHasHealthcheck(build)) {
        problems.add(at + "no healthcheck");
      }

      Map<String, Object> env = map(path(definition, "environment"));
      for (String variable : service.requiredEnv()) {
        if (!env.containsKey(variable)) {
          problems.add(at + "environment lacks " + variable + " (its application.yml needs it)");
        }
      }
      if (env.containsKey("REDIS_HOST") && !"redis".equals(string(env.get("REDIS_HOST")))) {
        problems.add(at + "REDIS_HOST must be redis");
      }
      Map<String, Object> dependsOn = map(path(definition, "depends_on"));
      if (service.usesDatabase()) {
        String schema = service.schema().orElseThrow();
        if (!string(env.get("DB_URL")).contains("//postgres:5432/")) {
          problems.add(at + "DB_URL must point at postgres:5432");
        }
        if (!(schema + "_svc").equals(string(env.get("DB_USERNAME")))) {
          problems.add(at + "DB_USERNAME must be its own role " + schema + "_svc");
        }
        String password = composeVariable(string(env.get("DB_PASSWORD")));
        String rolePassword = composeVariable(string(postgresEnv.get("SCHEMA_PASSWORD_" + schema)));
        if (password == null || !password.equals(rolePassword)) {
          problems.add(
              at
                  + "DB_PASSWORD and postgres' SCHEMA_PASSWORD_"
                  + schema
                  + " must come from the same .env variable (the role is created from it)");
        }
        requireHealthy(problems, at, dependsOn, "postgres");
      }
      if (service.usesRedis()) {
        requireHealthy(problems, at, dependsOn, "redis");
      }
      if (service.isGateway()) {
        for (Deployable other : deployables) {
          if (other.isGateway()) {
            continue;
          }
          requireHealthy(problems, at, dependsOn, other.name());
          String url = "http://" + other.name() + ":" + other.port();
          if (!url.equals(string(env.get(other.urlVariable())))) {
            problems.add(at + other.urlVariable() + " must be " + url);
          }
        }
      }
    }

    for (var entry : services.entrySet()) {
      if (deployables.stream().anyMatch(d -> d.name().equals(entry.getKey()))) {
        continue; // checked above
      }
      if (SHARED_DOCKERFILE.equals(path(entry.getValue(), "build", "dockerfile"))) {
        problems.add(where + entry.getKey() + " is not a service module of the root pom");
      }
      if (!list(path(entry.getValue(), "ports")).isEmpty()) {
        problems.add(where + entry.getKey() + " publishes ports; only the gateway may");
      }
    }
    problems.addAll(envFileProblems());
    return problems;
  }

  private boolean sharedBuildHasHealthcheck(Object build) {
    return SHARED_DOCKERFILE.equals(path(build, "dockerfile"))
        && Files.exists(root.resolve(SHARED_DOCKERFILE))
        && read(root.resolve(SHARED_DOCKERFILE)).contains("HEALTHCHECK");
  }

  private static void requireHealthy(
      List<String> problems, String at, Map<String, Object> dependsOn, String dependency) {
    if (!"service_healthy".equals(path(dependsOn.get(dependency), "condition"))) {
      problems.add(at + "depends_on " + dependency + " with condition service_healthy missing");
    }
  }

  /** Compose variables without a default must be in .env.example; .env itself is ignored. */
  private List<String> envFileProblems() {
    List<String> problems = new ArrayList<>();
    Path example = root.resolve(".env.example");
    if (!Files.exists(example)) {
      return List.of(".env.example: missing");
    }
    Set<String> declared = new LinkedHashSet<>();
    for (String line : read(example).lines().toList()) {
      if (line.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        declared.add(line.substring(0, line.indexOf('=')));
      }
    }
    Matcher matcher = COMPOSE_VARIABLE.matcher(read(root.resolve("docker-compose.yml")));
    Set<String> needed = new TreeSet<>();
    while (matcher.find()) {
      String modifier = matcher.group(2);
      if (!modifier.startsWith(":-") && !modifier.startsWith("-")) {
        needed.add(matcher.group(1));
      }
    }
    needed.removeAll(declared);
    needed.forEach(v -> problems.add(".env.example: lacks " + v + " (docker-compose.yml uses it)"));
    Path gitignore = root.resolve(".gitignore");
    if (!Files.exists(gitignore) || !read(gitignore).lines().toList().contains(".env")) {
      problems.add(".gitignore: .env must be ignored (it holds the secrets)");
    }
    return problems;
  }

  /** {@code ${NAME:?message}} → NAME. */
  private static String composeVariable(String value) {
    Matcher matcher = COMPOSE_VARIABLE.matcher(value);
    return matcher.find() ? matcher.group(1) : null;
  }

  private Map<String, Object> composeServices() {
    Path compose = root.resolve("docker-compose.yml");
    if (!Files.exists(compose)) {
      return Map.of();
    }
    return map(path(loadAll(read(compose)).getFirst(), "services"));
  }

  // ---------------------------------------------------------------------------------------------
  // k8s/base

  /** The base's documents, every Deployment as it is after the base's Deployment-wide patches. */
  private record Base(
      List<Map<String, Object>> documents,
      Map<String, Set<String>> configMapKeys,
      Map<String, Set<String>> exampleSecretKeys) {

    List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
      return ofKind(kind).stream()
          .filter(d -> name.equals(path(d, "metadata", "name")))
          .findFirst();
    }
  }

  private Base base(List<String> problems) {
    Path directory = root.resolve("k8s/base");
    Object kustomization = loadKustomization(directory, problems);
    List<Map<String, Object>> documents = new ArrayList<>();
    collectResources(directory, kustomization, documents, problems);
    List<Map<String, Object>> deploymentPatches = new ArrayList<>();
    for (Object patch : list(path(kustomization, "patches"))) {
      Map<String, Object> target = map(path(patch, "target"));
      if (target.equals(Map.of("kind", "Deployment")) && path(patch, "path") instanceof String p) {
        for (Object document : loadAll(read(directory.resolve(p)))) {
          deploymentPatches.add(map(document));
        }
      }
    }
    List<Map<String, Object>> effective = new ArrayList<>();
    for (Map<String, Object> document : documents) {
      Map<String, Object> result = document;
      if ("Deployment".equals(document.get("kind"))) {
        for (Map<String, Object> patch : deploymentPatches) {
          Map<String, Object> body = new LinkedHashMap<>(patch);
          body.remove("metadata"); // kustomize applies a targeted patch under the target's name
          result = strategicMerge(result, body);
        }
      }
      effective.add(result);
    }
    Map<String, Set<String>> configMaps = new LinkedHashMap<>();
    for (Object generator : list(path(kustomization, "configMapGenerator"))) {
      Set<String> keys = new TreeSet<>();
      for (Object literal : list(path(generator, "literals"))) {
        keys.add(String.valueOf(literal).split("=", 2)[0]);
      }
      configMaps.put(string(path(generator, "name")), keys);
    }
    for (Map<String, Object> document : effective) {
      if ("ConfigMap".equals(document.get("kind"))) {
        configMaps.put(
            string(path(document, "metadata", "name")), map(document.get("data")).keySet());
      }
    }
    Map<String, Set<String>> secrets = new LinkedHashMap<>();
    Path example = root.resolve("k8s/secret.example.yaml");
    if (Files.exists(example)) {
      for (Object secret : loadAll(read(example))) {
        Set<String> keys = new TreeSet<>(map(path(secret, "stringData")).keySet());
        keys.addAll(map(path(secret, "data")).keySet());
        secrets.put(string(path(secret, "metadata", "name")), keys);
      }
    } else {
      problems.add("k8s/secret.example.yaml: missing (the secrets to create outside git)");
    }
    return new Base(effective, configMaps, secrets);
  }

  private Object loadKustomization(Path directory, List<String> problems) {
    Path file = directory.resolve("kustomization.yaml");
    if (!Files.exists(file)) {
      problems.add(relative(file) + ": missing");
      return Map.of();
    }
    return loadAll(read(file)).getFirst();
  }

  private void collectResources(
      Path directory,
      Object kustomization,
      List<Map<String, Object>> documents,
      List<String> problems) {
    for (Object resource : list(path(kustomization, "resources"))) {
      Path target = directory.resolve(String.valueOf(resource)).normalize();
      if (Files.isDirectory(target)) {
        collectResources(target, loadKustomization(target, problems), documents, problems);
      } else if (Files.exists(target)) {
        for (Object document : loadAll(read(target))) {
          if (document != null) {
            documents.add(map(document));
          }
        }
      } else {
        problems.add(
            relative(directory.resolve("kustomization.yaml")) + ": " + resource + " missing");
      }
    }
  }

  List<String> kubernetesProblems() {
    return guarded(this::checkKubernetesProblems);
  }

  private List<String> checkKubernetesProblems() {
    List<String> problems = new ArrayList<>();
    Base base = base(problems);
    String where = "k8s/base: ";
    for (Deployable service : deployables) {
      String name = service.name();
      Optional<Map<String, Object>> found = base.find("Deployment", name);
      if (found.isEmpty()) {
        problems.add(
            where + "no Deployment " + name + " (add k8s/base/services/" + name + ".yaml)");
      } else {
        problems.addAll(deploymentProblems(service, found.get(), base));
      }
      Map<String, Object> podLabels =
          map(found.map(d -> path(d, "spec", "template", "metadata", "labels")).orElse(null));

      Optional<Map<String, Object>> k8sService = base.find("Service", name);
      if (k8sService.isEmpty()) {
        problems.add(where + "no Service " + name);
      } else {
        boolean port =
            list(path(k8sService.get(), "spec", "ports")).stream()
                .anyMatch(
                    p ->
                        String.valueOf(service.port()).equals(string(path(p, "port")))
                            && Set.of("http", String.valueOf(service.port()))
                                .contains(string(path(p, "targetPort"))));
        if (!port) {
          problems.add(where + "Service " + name + " must serve port " + service.port());
        }
        if (!selects(map(path(k8sService.get(), "spec", "selector")), podLabels)) {
          problems.add(where + "Service " + name + " does not select the pods of " + name);
        }
      }

      Optional<Map<String, Object>> hpa =
          base.ofKind("HorizontalPodAutoscaler").stream()
              .filter(h -> name.equals(path(h, "spec", "scaleTargetRef", "name")))
              .findFirst();
      if (hpa.isEmpty()) {
        problems.add(where + "no HorizontalPodAutoscaler for Deployment " + name);
      } else {
        boolean cpu70 =
            list(path(hpa.get(), "spec", "metrics")).stream()
                .anyMatch(
                    m ->
                        "cpu".equals(path(m, "resource", "name"))
                            && "Utilization".equals(path(m, "resource", "target", "type"))
                            && Integer.valueOf(70)
                                .equals(path(m, "resource", "target", "averageUtilization")));
        if (!cpu70) {
          problems.add(where + "HorizontalPodAutoscaler of " + name + " must target 70% CPU");
        }
        if (!(path(hpa.get(), "spec", "minReplicas") instanceof Integer min)
            || !(path(hpa.get(), "spec", "maxReplicas") instanceof Integer max)
            || min < 1
            || max < min) {
          problems.add(
              where + "HorizontalPodAutoscaler of " + name + " needs min and max replicas");
        }
      }

      boolean budget =
          base.ofKind("PodDisruptionBudget").stream()
              .anyMatch(
                  p ->
                      selects(map(path(p, "spec", "selector", "matchLabels")), podLabels)
                          && (path(p, "spec", "maxUnavailable") != null
                              || path(p, "spec", "minAvailable") != null));
      if (!budget) {
        problems.add(where + "no PodDisruptionBudget selecting the pods of " + name);
      }
    }

    for (Map<String, Object> deployment : base.ofKind("Deployment")) {
      String name = string(path(deployment, "metadata", "name"));
      if (deployables.stream().noneMatch(d -> d.name().equals(name))) {
        problems.add(where + "Deployment " + name + " is not a service module of the root pom");
      }
    }
    boolean ingress =
        base.ofKind("Ingress").stream()
            .flatMap(i -> list(path(i, "spec", "rules")).stream())
            .flatMap(r -> list(path(r, "http", "paths")).stream())
            .anyMatch(
                p ->
                    GATEWAY.equals(path(p, "backend", "service", "name"))
                        && ("http".equals(path(p, "backend", "service", "port", "name"))
                            || Integer.valueOf(GATEWAY_PORT)
                                .equals(path(p, "backend", "service", "port", "number"))));
    if (!ingress) {
      problems.add(where + "no Ingress to Service " + GATEWAY + " port http");
    }
    Path secretExample = root.resolve("k8s/secret.example.yaml");
    for (Path kustomization : kustomizations()) {
      Object content = loadAll(read(kustomization)).getFirst();
      boolean includesExample =
          Stream.of("resources", "components", "patches")
              .flatMap(field -> list(path(content, field)).stream())
              .map(Object::toString)
              .anyMatch(entry -> entry.contains("secret.example.yaml"));
      if (includesExample) {
        problems.add(relative(kustomization) + ": must not include " + relative(secretExample));
      }
    }
    return problems;
  }

  private List<String> deploymentProblems(
      Deployable service, Map<String, Object> deployment, Base base) {
    List<String> problems = new ArrayList<>();
    String at = "k8s/base: Deployment " + service.name() + ": ";
    Map<String, Object> podLabels = map(path(deployment, "spec", "template", "metadata", "labels"));
    if (!service.name().equals(podLabels.get("app.kubernetes.io/name"))) {
      problems.add(at + "pods need label app.kubernetes.io/name=" + service.name());
    }
    String component = service.isGateway() ? "gateway" : "service";
    if (!component.equals(podLabels.get("app.kubernetes.io/component"))) {
      problems.add(at + "pods need label app.kubernetes.io/component=" + component);
    }
    if (!selects(map(path(deployment, "spec", "selector", "matchLabels")), podLabels)) {
      problems.add(at + "selector does not match its pod labels");
    }
    Map<String, Object> pod = map(path(deployment, "spec", "template", "spec"));
    Map<String, Object> podSecurity = map(pod.get("securityContext"));
    if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))
        || !Integer.valueOf(RUN_AS_USER).equals(podSecurity.get("runAsUser"))) {
      problems.add(at + "pod securityContext needs runAsNonRoot and runAsUser " + RUN_AS_USER);
    }
    if (!"RuntimeDefault".equals(path(podSecurity, "seccompProfile", "type"))) {
      problems.add(at + "pod securityContext needs seccompProfile RuntimeDefault");
    }

    Optional<Map<String, Object>> found =
        list(pod.get("containers")).stream()
            .map(DeploymentManifests::map)
            .filter(c -> "app".equals(c.get("name")))
            .findFirst();
    if (found.isEmpty()) {
      problems.add(at + "no container named app (the shared patch merges into that name)");
      return problems;
    }
    Map<String, Object> app = found.get();
    if (!(app.get("image") instanceof String image) || !image.startsWith(service.image())) {
      problems.add(at + "image must be " + service.image());
    }
    boolean port =
        list(app.get("ports")).stream()
            .anyMatch(
                p ->
                    "http".equals(path(p, "name"))
                        && Integer.valueOf(service.port()).equals(path(p, "containerPort")));
    if (!port) {
      problems.add(at + "container port " + service.port() + " named http missing");
    }
    Set<Object> probePorts = Set.of("http", service.port());
    Map<String, String> probes =
        Map.of(
            "startupProbe", "/actuator/health/",
            "livenessProbe", "/actuator/health/liveness",
            "readinessProbe", "/actuator/health/readiness");
    probes.forEach(
        (probe, probePath) -> {
          Object get = path(app.get(probe), "httpGet");
          if (get == null
              || !string(path(get, "path")).startsWith(probePath)
              || !probePorts.contains(path(get, "port"))) {
            problems.add(at + probe + " on " + probePath + " port http missing");
          }
        });
    problems.addAll(containerHardeningProblems(at + "container app: ", app, pod));
    for (Object init : list(pod.get("initContainers"))) {
      problems.addAll(
          containerHardeningProblems(
              at + "init container " + path(init, "name") + ": ", map(init), pod));
    }

    Set<String> provided = new TreeSet<>();
    for (Object variable : list(app.get("env"))) {
      provided.add(string(path(variable, "name")));
    }
    for (Object source : list(app.get("envFrom"))) {
      if (path(source, "configMapRef", "name") instanceof String configMap) {
        provided.addAll(base.configMapKeys().getOrDefault(configMap, Set.of()));
      }
      if (path(source, "secretRef", "name") instanceof String secret) {
        provided.addAll(base.exampleSecretKeys().getOrDefault(secret, Set.of()));
      }
    }
    for (String variable : service.requiredEnv()) {
      if (!provided.contains(variable)) {
        problems.add(at + "does not provide " + variable + " (its application.yml needs it)");
      }
    }
    if (service.isGateway()) {
      for (Deployable other : deployables) {
        if (!other.isGateway() && !provided.contains(other.urlVariable())) {
          problems.add(
              at + "does not provide " + other.urlVariable() + " (the gateway routes to it)");
        }
      }
    }
    for (Object variable : list(app.get("env"))) {
      Object ref = path(variable, "valueFrom", "secretKeyRef");
      if (ref != null) {
        String secret = string(path(ref, "name"));
        String key = string(path(ref, "key"));
        if (!base.exampleSecretKeys().getOrDefault(secret, Set.of()).contains(key)) {
          problems.add(
              at
                  + path(variable, "name")
                  + " refers to secret "
                  + secret
                  + " key "
                  + key
                  + ", which k8s/secret.example.yaml does not list");
        }
      }
    }
    if (service.usesDatabase()) {
      for (String variable : List.of("DB_USERNAME", "DB_PASSWORD")) {
        boolean fromSecret =
            list(app.get("env")).stream()
                    .anyMatch(
                        v ->
                            variable.equals(path(v, "name"))
                                && path(v, "valueFrom", "secretKeyRef") != null)
                || list(app.get("envFrom")).stream().anyMatch(s -> path(s, "secretRef") != null);
        if (!fromSecret) {
          problems.add(at + variable + " must come from a Secret");
        }
      }
    }
    return problems;
  }

  private static List<String> containerHardeningProblems(
      String at, Map<String, Object> container, Map<String, Object> pod) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> security = map(container.get("securityContext"));
    if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
      problems.add(at + "securityContext needs allowPrivilegeEscalation: false");
    }
    if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
      problems.add(at + "securityContext needs readOnlyRootFilesystem: true");
    }
    if (!list(path(security, "capabilities", "drop")).contains("ALL")) {
      problems.add(at + "securityContext must drop ALL capabilities");
    }
    if (!Boolean.TRUE.equals(security.get("runAsNonRoot"))
        && !Boolean.TRUE.equals(path(pod, "securityContext", "runAsNonRoot"))) {
      problems.add(at + "must run as non-root (runAsNonRoot)");
    }
    Map<String, Object> resources = map(container.get("resources"));
    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (path(resources, kind, resource) == null) {
          problems.add(at + "resources." + kind + "." + resource + " missing");
        }
      }
    }
    if ("app".equals(container.get("name"))) {
      boolean tmp =
          list(container.get("volumeMounts")).stream()
              .filter(m -> "/tmp".equals(path(m, "mountPath")))
              .map(m -> path(m, "name"))
              .anyMatch(
                  volume ->
                      list(pod.get("volumes")).stream()
                          .anyMatch(
                              v -> volume.equals(path(v, "name")) && path(v, "emptyDir") != null));
      if (!tmp) {
        problems.add(at + "needs an emptyDir on /tmp (the root filesystem is read-only)");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Network policies

  List<String> networkPolicyProblems() {
    return guarded(this::checkNetworkPolicyProblems);
  }

  private List<String> checkNetworkPolicyProblems() {
    List<String> problems = new ArrayList<>();
    Base base = base(new ArrayList<>());
    List<Map<String, Object>> policies = base.ofKind("NetworkPolicy");
    String where = "k8s/base: NetworkPolicy: ";

    boolean defaultDeny =
        policies.stream()
            .anyMatch(
                p ->
                    map(path(p, "spec", "podSelector")).isEmpty()
                        && list(path(p, "spec", "policyTypes")).contains("Ingress")
                        && list(path(p, "spec", "ingress")).isEmpty());
    if (!defaultDeny) {
      problems.add(where + "no default deny of ingress (empty podSelector, no ingress rules)");
    }

    Map<String, Map<String, Object>> podLabels = new LinkedHashMap<>();
    for (Deployable service : deployables) {
      base.find("Deployment", service.name())
          .ifPresent(
              d ->
                  podLabels.put(
                      service.name(), map(path(d, "spec", "template", "metadata", "labels"))));
    }
    for (Deployable service : deployables) {
      Map<String, Object> labels = podLabels.get(service.name());
      if (labels == null) {
        continue; // reported with the Deployment
      }
      List<Object> rules =
          policies.stream()
              .filter(p -> list(path(p, "spec", "policyTypes")).contains("Ingress"))
              .filter(p -> selects(path(p, "spec", "podSelector"), labels))
              .flatMap(p -> list(path(p, "spec", "ingress")).stream())
              .toList();
      if (service.isGateway()) {
        boolean fromIngressController =
            rules.stream()
                .anyMatch(
                    r ->
                        list(path(r, "from")).stream()
                                .anyMatch(f -> path(f, "namespaceSelector") != null)
                            && list(path(r, "ports")).stream()
                                .anyMatch(
                                    p -> Set.of(GATEWAY_PORT, "http").contains(path(p, "port"))));
        if (!fromIngressController) {
          problems.add(where + "the ingress controller may not reach the gateway on port 8080");
        }
        continue;
      }
      for (Object rule : rules) {
        List<Object> from = list(path(rule, "from"));
        boolean onlyPodsOfThisNamespace =
            !from.isEmpty()
                && from.stream()
                    .allMatch(
                        f ->
                            path(f, "podSelector") != null
                                && path(f, "namespaceSelector") == null
                                && path(f, "ipBlock") == null);
        if (!onlyPodsOfThisNamespace) {
          problems.add(where + service.name() + " is reachable from outside the platform: " + rule);
        }
      }
      for (var peer : podLabels.entrySet()) {
        boolean admitted =
            rules.stream()
                .flatMap(r -> list(path(r, "from")).stream())
                .anyMatch(f -> selects(path(f, "podSelector"), peer.getValue()));
        if (!admitted) {
          problems.add(where + service.name() + " is not reachable from " + peer.getKey());
        }
      }
    }

    List<Object> egressPorts =
        policies.stream()
            .flatMap(p -> list(path(p, "spec", "egress")).stream())
            .flatMap(r -> list(path(r, "ports")).stream())
            .map(p -> path(p, "port"))
            .toList();
    for (int port : List.of(53, 5432, 6379)) {
      if (!egressPorts.contains(port)) {
        problems.add(where + "no egress rule for port " + port + " (DNS, PostgreSQL, Redis)");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Overlays

  List<String> overlayProblems() {
    return guarded(this::checkOverlayProblems);
  }

  private List<String> checkOverlayProblems() {
    List<String> problems = new ArrayList<>();
    Base base = base(new ArrayList<>());
    Set<String> images = new TreeSet<>();
    for (Map<String, Object> deployment : base.ofKind("Deployment")) {
      Map<String, Object> pod = map(path(deployment, "spec", "template", "spec"));
      Stream.concat(list(pod.get("containers")).stream(), list(pod.get("initContainers")).stream())
          .map(c -> string(path(c, "image")))
          .forEach(images::add);
    }
    for (String overlay : OVERLAYS) {
      Path directory = root.resolve("k8s/overlays").resolve(overlay);
      String at = "k8s/overlays/" + overlay + ": ";
      if (!Files.exists(directory.resolve("kustomization.yaml"))) {
        problems.add(at + "kustomization.yaml missing");
        continue;
      }
      Object kustomization = loadAll(read(directory.resolve("kustomization.yaml"))).getFirst();
      if (!list(path(kustomization, "resources")).contains("../../base")) {
        problems.add(at + "does not build on ../../base");
      }
      for (String image : images) {
        boolean tagged =
            list(path(kustomization, "images")).stream()
                .anyMatch(i -> image.equals(path(i, "name")) && path(i, "newTag") != null);
        if (!tagged) {
          problems.add(at + "images has no newTag for " + image);
        }
      }
      boolean scales =
          list(path(kustomization, "patches")).stream()
              .anyMatch(p -> "HorizontalPodAutoscaler".equals(path(p, "target", "kind")));
      if (!scales) {
        problems.add(at + "sets no autoscaling bounds (no HorizontalPodAutoscaler patch)");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A manifest that does not parse is one problem (named by yamlProblems), not a crash. */
  private static List<String> guarded(Supplier<List<String>> check) {
    try {
      return check.get();
    } catch (YAMLException e) {
      return List.of(
          "a manifest does not parse, so nothing else could be checked: " + e.getMessage());
    }
  }

  /** A strategic merge as Kubernetes does it for the fields our patches use. */
  static Map<String, Object> strategicMerge(Map<String, Object> target, Map<String, Object> patch) {
    Map<String, Object> result = new LinkedHashMap<>(target);
    patch.forEach(
        (key, value) -> {
          Object existing = result.get(key);
          if (value instanceof Map<?, ?> && existing instanceof Map<?, ?>) {
            result.put(key, strategicMerge(map(existing), map(value)));
          } else if (value instanceof List<?>
              && existing instanceof List<?>
              && MERGE_KEYS.containsKey(key)) {
            result.put(key, mergeLists(list(existing), list(value), MERGE_KEYS.get(key)));
          } else {
            result.put(key, value);
          }
        });
    return result;
  }

  private static List<Object> mergeLists(List<Object> target, List<Object> patch, String key) {
    List<Object> result = new ArrayList<>(target);
    for (Object item : patch) {
      Object id = path(item, key);
      int index = -1;
      for (int i = 0; i < result.size(); i++) {
        if (id != null && id.equals(path(result.get(i), key))) {
          index = i;
        }
      }
      if (index >= 0) {
        result.set(index, strategicMerge(map(result.get(index)), map(item)));
      } else {
        result.add(item);
      }
    }
    return result;
  }

  /** A Kubernetes label selector (matchLabels and matchExpressions, or plain labels) on labels. */
  static boolean selects(Object selector, Map<String, Object> labels) {
    if (selector == null || labels.isEmpty()) {
      return false;
    }
    Map<String, Object> spec = map(selector);
    boolean structured = spec.containsKey("matchLabels") || spec.containsKey("matchExpressions");
    Map<String, Object> matchLabels = structured ? map(spec.get("matchLabels")) : spec;
    for (var entry : matchLabels.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (Object expression : list(spec.get("matchExpressions"))) {
      Object value = labels.get(string(path(expression, "key")));
      List<Object> values = list(path(expression, "values"));
      boolean matches =
          switch (string(path(expression, "operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  private List<Path> kustomizations() {
    return yamlFilesUnder(root.resolve("k8s")).stream()
        .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
        .toList();
  }

  private static List<Path> yamlFilesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Object> loadAll(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(options)).loadAll(text).forEach(documents::add);
    return documents;
  }

  /** The value at a path of map keys, or null. */
  static Object path(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  private static String string(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private String relative(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
