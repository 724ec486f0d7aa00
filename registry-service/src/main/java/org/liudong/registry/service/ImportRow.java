package org.liudong.registry.service;

import java.util.List;

/** One data line of an import file: its line number (the header is line 1) and its fields. */
record ImportRow(int line, List<String> fields) {

    static final List<String> COLUMNS = List.of("household_number", "county", "township", "address", "id_number", "name",
            "sex", "birth_date", "relation", "phone");

    String get(String column) {
        int index = COLUMNS.indexOf(column);
        return index < fields.size() ? fields.get(index) : "";
    }

    String householdNumber() {
        return fields.isEmpty() ? "" : fields.get(0);
    }
}
