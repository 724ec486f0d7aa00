package org.liudong.e2e.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the deployment files of the repository: YAML documents as Jackson trees, kustomizations as kustomize does. */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final Path ROOT = root();

    private Manifests() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a YAML file. */
    static List<JsonNode> documents(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT.relativize(file), e);
        }
    }

    static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(ROOT.relativize(file) + " holds " + documents.size() + " documents");
        }
        return documents.get(0);
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of a kustomization directory, following directories among its resources (without patches). */
    static List<JsonNode> kustomize(Path directory) {
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode resource : document(directory.resolve("kustomization.yaml")).path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? kustomize(path) : documents(path));
        }
        return resources;
    }

    static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.path("kind").asText())).toList();
    }

    static Optional<JsonNode> named(List<JsonNode> resources, String kind, String name) {
        return ofKind(resources, kind).stream()
                .filter(resource -> name.equals(resource.path("metadata").path("name").asText())).findFirst();
    }

    static JsonNode one(List<JsonNode> resources, String kind, String name) {
        return named(resources, kind, name).orElseThrow(() -> new AssertionError("No " + kind + " " + name));
    }

    static JsonNode onlyOne(List<JsonNode> resources, String kind) {
        List<JsonNode> found = ofKind(resources, kind);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " resources of kind " + kind + ", expected one");
        }
        return found.get(0);
    }

    /** The repository: the nearest directory above the working directory that holds deploy/k8s. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/k8s/base/kustomization.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No deploy/k8s above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
