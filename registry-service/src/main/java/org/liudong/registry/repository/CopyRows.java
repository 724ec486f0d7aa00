package org.liudong.registry.repository;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Rows for one {@code COPY … FROM STDIN} in PostgreSQL's text format: columns separated by tabs, {@code \N} for
 * null, backslash escapes for backslash, tab, line feed and carriage return, {@code bytea} as hex.
 */
final class CopyRows {

    private final String sql;
    private final StringBuilder text = new StringBuilder(64 * 1024);
    private OffsetDateTime lastTime;
    private String lastTimeText;
    private boolean rowStarted;
    private int rows;

    CopyRows(String table, String columns) {
        this.sql = "copy " + table + " (" + columns + ") from stdin";
    }

    CopyRows value(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof OffsetDateTime time) {
            // a batch stamps all its rows with one time: format it once
            if (time != lastTime) {
                lastTime = time;
                lastTimeText = time.toString();
            }
            text.append(lastTimeText);
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyRows bytes(byte[] value) {
        separate();
        text.append("\\\\x");
        HexFormat.of().formatHex(text, value);
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    void copy(Connection connection) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows + " rows failed", e);
        }
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String value) {
        if (plain(value)) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
