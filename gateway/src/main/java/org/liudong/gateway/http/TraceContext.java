package org.liudong.gateway.http;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent}). The gateway is one hop of the trace: it keeps the caller's trace id
 * and flags, gives itself a new parent id, and starts a new trace when the caller sent none or a broken one.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String SAMPLED = "01";

    private TraceContext() {
    }

    public static String nextHop(String incoming) {
        if (incoming != null) {
            Matcher parts = TRACEPARENT.matcher(incoming.trim());
            if (parts.matches() && !allZeros(parts.group(1)) && !allZeros(parts.group(2))) {
                return "00-" + parts.group(1) + "-" + randomHex(8) + "-" + parts.group(3);
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-" + SAMPLED;
    }

    private static boolean allZeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZeros(HexFormat.of().formatHex(random)));
        return HexFormat.of().formatHex(random);
    }
}
