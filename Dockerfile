# Builds Herald from this repository and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY db db
RUN mvn -B -q -DskipTests -Dspring-javaformat.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app herald
WORKDIR /app
COPY --from=build /src/target/herald-*.jar /app/herald.jar
USER herald
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/herald.jar"]
