package org.liudong.migration.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares names as clerks type them: full-width and half-width forms are the same (NFKC), whitespace of any
 * kind (including the ideographic space) does not count, the middle dots of minority names are one character,
 * and Latin letters ignore case.
 */
public final class Names {

    private Names() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            out.appendCodePoint(isMiddleDot(c) ? '·' : c);
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static boolean isMiddleDot(int c) {
        return c == '·' || c == '•' || c == '・' || c == '.' || c == '‧' || c == '∙';
    }
}
