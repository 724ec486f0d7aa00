package org.liudong.registry.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded CSV spooled to a temporary file: its content hash and data row count. */
public record ImportUpload(Path file, String hash, int rows) {

    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
