package org.liudong.registry.service;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: fields in double quotes, "" for a quote; no line breaks inside fields). */
final class CsvLine {

    private CsvLine() {
    }

    /** A line of nothing but spaces and tabs, which an import passes over (and does not count as a row). */
    static boolean isBlank(String line) {
        return line.chars().allMatch(c -> isSpace((char) c));
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
