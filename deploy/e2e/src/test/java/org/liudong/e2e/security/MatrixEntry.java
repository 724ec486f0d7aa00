package org.liudong.e2e.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of the authorization matrix: {@code method,path,caller,target,expected[,note]}. The path may carry a query
 * and placeholders ({@code {household}} …) for the target county's records; {@code target} is a county or empty for
 * operations about no county's records. An expected status written {@code (202)} is documented but not sent, for
 * calls that would disturb the shared platform.
 */
record MatrixEntry(String method, String path, String caller, String target, int expected, boolean sent, String note) {

    static List<MatrixEntry> load(String resource) {
        List<MatrixEntry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(MatrixEntry.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", 6);
                String status = cells[4].strip();
                boolean sent = !status.startsWith("(");
                entries.add(new MatrixEntry(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                        Integer.parseInt(status.replaceAll("[()]", "")), sent, cells.length > 5 ? cells[5].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** {@code GET /api/registry/persons/{}}: method and path without query, placeholders unnamed. */
    static String operation(String method, String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return method + " " + withoutQuery.replaceAll("\\{[^}]*}", "{}");
    }

    String operation() {
        return operation(method, path);
    }

    @Override
    public String toString() {
        return method + " " + path + " as " + caller + (target.isEmpty() ? "" : " on " + target) + " → " + expected;
    }
}
