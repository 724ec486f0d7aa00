package org.liudong.e2e.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository these tests run in: its root and the files git tracks. */
final class Repository {

    static final String REALM = "deploy/keycloak/liudong-realm.json";

    private Repository() {
    }

    /** The nearest directory above the working directory that holds the realm file. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(REALM))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No " + REALM + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code git ls-files}: what is committed or staged, relative to the root. */
    static List<String> trackedFiles() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git ls-files failed");
            }
            return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
