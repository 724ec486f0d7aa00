package org.liudong.platform.divisions;

/** One GB/T 2260 division: a province (2 digits), prefecture (4), county (6) or township (9). */
public record Division(String code, String name, Level level, String parentCode) {

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY, TOWNSHIP
    }
}
