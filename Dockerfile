# Production image: the fat jar on a JRE, running the "postgres" profile (DB_URL, DB_USER, DB_PASSWORD,
# ADMIN_PASSWORD must be set; the app refuses to start without them).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 app
WORKDIR /app
COPY --from=build /src/target/terceiriza-cs-flows-*.jar app.jar
USER app
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
# ThreadPriorityPolicy=1: the processing threads run niced, so acknowledging webhooks keeps the CPU under load
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:ThreadPriorityPolicy=1", "-jar", "/app/app.jar"]
