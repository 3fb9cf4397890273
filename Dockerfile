# Herald from this repository on a JRE, for docker-compose.yml: it runs against the PostgreSQL there
# (SPRING_DATASOURCE_URL), with the JVM options of jvm.options and a class data sharing archive.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY db db
# -Pimage: without the embedded PostgreSQL (29 MB of binaries). Then unpacked into /app/herald.jar and
# /app/lib, the layout class data sharing needs.
RUN mvn -B -q -Pimage -DskipTests -Dspring-javaformat.skip=true package \
 && cp target/herald-*.jar /tmp/herald.jar \
 && java -Djarmode=tools -jar /tmp/herald.jar extract --destination /app
COPY jvm.options /app/jvm.options

# The training run: Herald starts until its context is up (-Dspring.context.exit=onRefresh) and writes
# the classes it loaded into /app/herald.jsa; every start then maps them instead of loading and verifying
# them again. It needs a database, so it runs beside a throw-away PostgreSQL 17, on the runtime image's
# own JRE (an archive only fits the JVM that wrote it and the jars it saw, at the same paths).
FROM postgres:17 AS training
COPY --from=eclipse-temurin:17-jre /opt/java/openjdk /opt/java/openjdk
COPY --from=build /app /app
WORKDIR /app
RUN mkdir /tmp/pg && chown postgres /tmp/pg \
 && gosu postgres /usr/lib/postgresql/17/bin/initdb -D /tmp/pg --auth=trust > /dev/null \
 && gosu postgres /usr/lib/postgresql/17/bin/pg_ctl -D /tmp/pg -w -o "-c listen_addresses=127.0.0.1" start > /dev/null \
 && /opt/java/openjdk/bin/java @jvm.options -XX:ArchiveClassesAtExit=herald.jsa -Dspring.context.exit=onRefresh \
      -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres -Dspring.datasource.username=postgres \
      -Dherald.secret-key=dHJhaW5pbmctb25seS10cmFpbmluZy1vbmx5LXRyYWk= -jar herald.jar \
 && gosu postgres /usr/lib/postgresql/17/bin/pg_ctl -D /tmp/pg -m fast stop > /dev/null \
 && test -f herald.jsa

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app herald
COPY --from=training /app /app
WORKDIR /app
USER herald
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/herald.jsa", "-jar", "/app/herald.jar"]
