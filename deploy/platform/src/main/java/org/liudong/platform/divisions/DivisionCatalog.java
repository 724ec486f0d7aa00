package org.liudong.platform.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled GB/T 2260 division codes (National Bureau of Statistics, 2023; via the WTFPL-licensed
 * china-division package — see divisions/SOURCE.md in this module's resources). Read once, kept in memory:
 * about 45,000 rows.
 */
public final class DivisionCatalog {

    private static final String BASE = "/org/liudong/platform/divisions/";
    private static final DivisionCatalog BUNDLED = load();

    private final Map<String, Division> byCode;

    private DivisionCatalog(Map<String, Division> byCode) {
        this.byCode = byCode;
    }

    public static DivisionCatalog bundled() {
        return BUNDLED;
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isCounty(String code) {
        return find(code).filter(d -> d.level() == Division.Level.COUNTY).isPresent();
    }

    public boolean isTownshipOf(String township, String county) {
        return find(township).filter(d -> d.level() == Division.Level.TOWNSHIP && d.parentCode().equals(county))
                .isPresent();
    }

    /** A jurisdiction is a code prefix of 2, 4 or 6 digits that names a province, prefecture or county. */
    public boolean isJurisdiction(String prefix) {
        return find(prefix).filter(d -> d.level() != Division.Level.TOWNSHIP).isPresent();
    }

    public Collection<Division> all() {
        return byCode.values();
    }

    private static DivisionCatalog load() {
        Map<String, Division> codes = new HashMap<>(64_000);
        read("provinces.csv", row -> new Division(row[0], row[1], Division.Level.PROVINCE, null), codes);
        read("cities.csv", row -> new Division(row[0], row[1], Division.Level.PREFECTURE, row[2]), codes);
        read("areas.csv", row -> new Division(row[0], row[1], Division.Level.COUNTY, row[2]), codes);
        read("streets.csv", row -> new Division(row[0], row[1], Division.Level.TOWNSHIP, row[2]), codes);
        return new DivisionCatalog(Map.copyOf(codes));
    }

    private static void read(String file, java.util.function.Function<String[], Division> toDivision,
                             Map<String, Division> into) {
        try (InputStream in = DivisionCatalog.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled division file missing: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    Division division = toDivision.apply(line.replace("\"", "").split(","));
                    into.put(division.code(), division);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
