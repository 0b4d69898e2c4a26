# syntax=docker/dockerfile:1
# One image per Spring Boot service, built from the repository root:
#   docker build -f docker/service.Dockerfile --build-arg MODULE=user-service --build-arg PORT=8081 \
#     -t chosencrm/user-service .
# docker-compose.yml and k8s/ name one image per service module; this file is the single recipe
# for all of them, so a fix here (base image, JVM flags, health check) reaches every service.

ARG BUILD_IMAGE=maven:3.9.11-eclipse-temurin-25-noble
ARG RUNTIME_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

FROM ${BUILD_IMAGE} AS build
ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<service module>" >&2; exit 1; }
WORKDIR /src
COPY . .
# Tests run in CI (they need PostgreSQL and Redis); the image build only packages.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl "${MODULE}" -am -DskipTests package \
 && cp "${MODULE}/target/${MODULE}-"*.jar /app.jar
WORKDIR /extracted
# Boot 4 layered extraction: one directory per layer, the launcher classes included, so the
# rarely changing dependency layers stay cached between releases.
RUN java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

FROM ${RUNTIME_IMAGE}
ARG MODULE
ARG PORT
RUN test -n "${PORT}" || { echo "build with --build-arg PORT=<server port>" >&2; exit 1; } \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin app
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
WORKDIR /app
# Least to most often changed; files stay root-owned so the app cannot rewrite its own code.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

LABEL org.opencontainers.image.title="chosencrm-${MODULE}"
# Pods get 1-2 CPUs and at most 1 GiB: the serial collector has the smallest footprint there and
# is what the JVM's ergonomics picks below 1792 MB anyway; the heap takes 75% of the container
# limit, leaving room for metaspace, code cache and thread stacks. JDK_JAVA_OPTIONS is read by the
# java launcher only (not by jcmd or jstack, as JAVA_TOOL_OPTIONS would be); override it per
# deployment, e.g. -XX:+UseParallelGC for a larger, throughput-bound service.
ENV PORT=${PORT} \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["healthcheck", "/actuator/health/liveness"]
# exec form: java is PID 1 and receives SIGTERM, so Boot's graceful shutdown runs.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
