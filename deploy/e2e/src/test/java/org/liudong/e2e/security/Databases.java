package org.liudong.e2e.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.liudong.stack.Stack;

/**
 * Read-only looks into the services' databases with the stack's generated credentials: a fingerprint (md5 of the
 * rows) of the parts of the state a test could change, to prove a refused request changed nothing.
 */
final class Databases {

    private Databases() {
    }

    /** md5 of each query's rows; each query selects whole rows ({@code select x from table x where …}). */
    static Map<String, String> fingerprint(String service, Map<String, String> queries) {
        Stack stack = Stack.locate();
        String role = Stack.roleName(service);
        Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(Stack.databaseName(service)),
                role, stack.secrets().databasePassword(role));
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (ResultSet rows = statement.executeQuery("select md5(coalesce(string_agg(r::text, '|' order by "
                        + "r::text), '')) || ':' || count(*) from (" + query.getValue() + ") r")) {
                    rows.next();
                    fingerprint.put(service + "." + query.getKey(), rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + service + " database", e);
        }
        return fingerprint;
    }
}
