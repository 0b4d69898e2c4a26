package com.chosencrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.chosencrm.launcher.DeploymentManifests.Deployable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine or cluster runs here, so the deployment files are checked by reading them: every
 * service module of the root pom (and the gateway) is built, configured with what its
 * application.yml needs, and deployed with probes, limits and a non-root context. A failure names
 * the file and the missing piece.
 */
class DeploymentManifestsTests {

  private static final Path ROOT = repositoryRoot();
  private final DeploymentManifests manifests = new DeploymentManifests(ROOT);

  @Test
  void findsTheServicesToDeploy() {
    assertThat(manifests.deployables())
        .extracting(Deployable::name)
        .contains("user-service", DeploymentManifests.GATEWAY);
    assertThat(manifests.deployables())
        .filteredOn(d -> d.name().equals("user-service"))
        .singleElement()
        .satisfies(
            users -> {
              assertThat(users.port()).isEqualTo(8081);
              assertThat(users.schema()).contains("user_management");
              assertThat(users.requiredEnv())
                  .contains("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KEY_ENCRYPTION_KEY");
            });
  }

  @Test
  void everyManifestParses() {
    assertThat(manifests.yamlProblems()).as("YAML that does not parse").isEmpty();
  }

  @Test
  void everyServiceHasAnImage() {
    assertThat(manifests.dockerfileProblems()).as("Dockerfile problems").isEmpty();
  }

  @Test
  void everyServiceRunsInDockerCompose() {
    assertThat(manifests.composeProblems()).as("docker-compose.yml problems").isEmpty();
  }

  @Test
  void everyServiceIsDeployedByTheKubernetesBase() {
    assertThat(manifests.kubernetesProblems()).as("k8s/base problems").isEmpty();
  }

  @Test
  void onlyTheGatewayIsReachableFromOutside() {
    assertThat(manifests.networkPolicyProblems()).as("NetworkPolicy problems").isEmpty();
  }

  @Test
  void overlaysBuildOnTheBaseAndTagEveryImage() {
    assertThat(manifests.overlayProblems()).as("k8s/overlays problems").isEmpty();
  }

  @Test
  void placeholdersWithoutAUsableDefaultMustBeSet() {
    assertThat(
            DeploymentManifests.requiredVariables(
                """
                a: ${NO_DEFAULT}
                b: ${EMPTY_DEFAULT:}
                c: ${LOCAL_HOST:localhost}
                d: ${LOCAL_URL:jdbc:postgresql://127.0.0.1:5432/x}
                e: ${HAS_DEFAULT:chosencrm}
                f: ${PORT_DEFAULT:6379}
                """))
        .containsExactlyInAnyOrder("NO_DEFAULT", "EMPTY_DEFAULT", "LOCAL_HOST", "LOCAL_URL");
  }

  /** The checks fail, naming the piece, when a copy of this checkout is changed. */
  @Nested
  class OnABrokenCopy {

    @TempDir Path copy;

    @Test
    void whenAServiceModuleHasNoManifests_thenEachMissingPieceIsNamed() throws IOException {
      copyCheckout(copy);
      Path pom = copy.resolve("pom.xml");
      Files.writeString(
          pom,
          Files.readString(pom)
              .replace(
                  "<module>user-service</module>",
                  "<module>user-service</module>\n    <module>example-service</module>"));
      Path config = copy.resolve("example-service/src/main/resources/application.yml");
      Files.createDirectories(config.getParent());
      Files.writeString(
          config,
          """
          spring:
            datasource:
              url: ${DB_URL:jdbc:postgresql://localhost:5432/chosencrm}
              password: ${DB_PASSWORD:}
          server:
            port: ${PORT:8099}
          chosencrm:
            schema: example
          """);

      DeploymentManifests broken = new DeploymentManifests(copy);

      assertThat(broken.composeProblems())
          .contains(
              "docker-compose.yml: no service example-service (port 8099)",
              "docker-compose.yml: api-gateway: EXAMPLE_SERVICE_URL must be http://example-service:8099",
              "docker-compose.yml: api-gateway: depends_on example-service with condition"
                  + " service_healthy missing");
      assertThat(broken.dockerfileProblems())
          .anyMatch(p -> p.startsWith("example-service: no image"));
      assertThat(broken.kubernetesProblems())
          .contains(
              "k8s/base: no Deployment example-service (add k8s/base/services/example-service.yaml)",
              "k8s/base: no Service example-service",
              "k8s/base: no HorizontalPodAutoscaler for Deployment example-service",
              "k8s/base: no PodDisruptionBudget selecting the pods of example-service",
              "k8s/base: Deployment api-gateway: does not provide EXAMPLE_SERVICE_URL (the gateway"
                  + " routes to it)");
    }

    @Test
    void whenApplicationYmlNeedsAVariableNobodySets_thenComposeAndKubernetesNameIt()
        throws IOException {
      copyCheckout(copy);
      Path config = copy.resolve("user-service/src/main/resources/application.yml");
      Files.writeString(config, Files.readString(config) + "\nextra:\n  token: ${NEW_SECRET}\n");

      DeploymentManifests broken = new DeploymentManifests(copy);

      assertThat(broken.composeProblems())
          .contains(
              "docker-compose.yml: user-service: environment lacks NEW_SECRET (its"
                  + " application.yml needs it)");
      assertThat(broken.kubernetesProblems())
          .contains(
              "k8s/base: Deployment user-service: does not provide NEW_SECRET (its"
                  + " application.yml needs it)");
    }

    @Test
    void whenTheSharedPatchLosesProbesAndHardening_thenEveryDeploymentIsReported()
        throws IOException {
      copyCheckout(copy);
      Path patch = copy.resolve("k8s/base/spring-service.patch.yaml");
      Files.writeString(
          patch,
          Files.readString(patch)
              .replace("readinessProbe:", "notAProbe:")
              .replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"));

      assertThat(new DeploymentManifests(copy).kubernetesProblems())
          .contains(
              "k8s/base: Deployment user-service: readinessProbe on /actuator/health/readiness"
                  + " port http missing",
              "k8s/base: Deployment api-gateway: container app: securityContext needs"
                  + " readOnlyRootFilesystem: true");
    }

    @Test
    void whenAServiceAdmitsTrafficFromAnotherNamespace_thenThePolicyIsReported()
        throws IOException {
      copyCheckout(copy);
      Path policies = copy.resolve("k8s/base/network-policies.yaml");
      Files.writeString(
          policies,
          Files.readString(policies)
              + """
              ---
              apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata:
                name: open-user-service
              spec:
                podSelector:
                  matchLabels:
                    app.kubernetes.io/name: user-service
                policyTypes: [Ingress]
                ingress:
                  - from:
                      - namespaceSelector: {}
              """);

      assertThat(new DeploymentManifests(copy).networkPolicyProblems())
          .anyMatch(p -> p.contains("user-service is reachable from outside the platform"));
    }
  }

  /** The files the checks read, copied so a test can break them. */
  private static void copyCheckout(Path target) throws IOException {
    List<String> paths = new ArrayList<>();
    for (ServiceModule module : ServiceModule.discover(ROOT)) {
      paths.add(module.name() + "/src/main/resources");
    }
    paths.addAll(
        List.of(
            "pom.xml",
            "docker-compose.yml",
            ".env.example",
            ".gitignore",
            "docker",
            "frontend/Dockerfile",
            "frontend/docker",
            "k8s"));
    for (String path : paths) {
      Path source = ROOT.resolve(path);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path destination = target.resolve(ROOT.relativize(file).toString());
          Files.createDirectories(destination.getParent());
          Files.copy(file, destination);
        }
      }
    }
  }

  /** The checkout's root: launcher/.. when Maven runs the test, or the working directory. */
  private static Path repositoryRoot() {
    for (Path candidate = Path.of("").toAbsolutePath();
        candidate != null;
        candidate = candidate.getParent()) {
      Path pom = candidate.resolve("pom.xml");
      try {
        if (Files.exists(pom) && Files.readString(pom).contains("<module>launcher</module>")) {
          return candidate;
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + pom, e);
      }
    }
    throw new IllegalStateException("no root pom listing the launcher module above the test");
  }
}
