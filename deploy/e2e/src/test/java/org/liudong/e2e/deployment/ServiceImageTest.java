package org.liudong.e2e.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The one image file of the services (deploy/images/Dockerfile.jvm) starts them as the local launcher does. */
class ServiceImageTest {

    private static final String DOCKERFILE = Manifests.text(Manifests.path("deploy/images/Dockerfile.jvm"));
    private static final String LAUNCHER = Manifests.text(
            Manifests.path("deploy/stack/src/main/java/org/liudong/stack/Services.java"));

    @Test
    void theImageUsesTheLaunchersMemorySettings() {
        Matcher initialHeap = Pattern.compile("INITIAL_HEAP = \"(\\w+)\"").matcher(LAUNCHER);
        assertThat(initialHeap.find()).as("Services.INITIAL_HEAP").isTrue();
        Matcher options = Pattern.compile("JVM_OPTIONS = List.of\\(([^)]*)\\)").matcher(LAUNCHER);
        assertThat(options.find()).as("Services.JVM_OPTIONS").isTrue();
        List<String> launcherOptions = Pattern.compile("\"([^\"]+)\"").matcher(options.group(1)).results()
                .map(option -> option.group(1)).toList();
        assertThat(launcherOptions).contains("-XX:+UseSerialGC");
        assertThat(LAUNCHER).contains("environment.put(\"MALLOC_ARENA_MAX\", \"2\")");
        Matcher c1Only = Pattern.compile("C1_ONLY = \"([^\"]+)\"").matcher(LAUNCHER);
        assertThat(c1Only.find()).as("Services.C1_ONLY").isTrue();

        assertThat(DOCKERFILE).contains("MALLOC_ARENA_MAX=2")
                .containsPattern("(?m)^ARG COMPILER=" + Pattern.quote(c1Only.group(1)) + "$");
        assertThat(javaOptions().split(" ")).contains("-Xms" + initialHeap.group(1), "-Xmx256m", "${COMPILER}")
                .containsAll(launcherOptions);

        String benchOptions = Manifests.text(Manifests.path("deploy/bench/lib/service-jvm.sh"));
        assertThat(benchOptions.split("[\\s()]+")).as("deploy/bench/lib/service-jvm.sh")
                .contains("-Xms" + initialHeap.group(1), "-Xmx256m", c1Only.group(1)).containsAll(launcherOptions);
    }

    @Test
    void theImageRunsTheFastJarOfTheNamedModuleAsAnUnprivilegedUser() {
        assertThat(DOCKERFILE).containsPattern("(?m)^FROM \\S+:17-jre")
                .containsPattern("(?m)^ARG SERVICE$")
                .contains("${SERVICE}/target/quarkus-app/lib/", "${SERVICE}/target/quarkus-app/app/",
                        "${SERVICE}/target/quarkus-app/quarkus/", "${SERVICE}/target/quarkus-app/quarkus-run.jar")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}$")
                .contains("QUARKUS_HTTP_HOST=0.0.0.0");
        assertThat(imageUser()).isPositive();
    }

    /** The numeric user the image runs as (the Deployments' runAsUser must be the same). */
    static int imageUser() {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(DOCKERFILE);
        assertThat(user.find()).as("a numeric USER in Dockerfile.jvm").isTrue();
        return Integer.parseInt(user.group(1));
    }

    private static String javaOptions() {
        Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(DOCKERFILE);
        assertThat(options.find()).as("JAVA_OPTS in Dockerfile.jvm").isTrue();
        return options.group(1);
    }
}
