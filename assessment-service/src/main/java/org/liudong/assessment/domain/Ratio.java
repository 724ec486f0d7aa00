package org.liudong.assessment.domain;

/**
 * A share with its counts. With nothing to count (denominator zero) there is no value: "no data", which is
 * neither 0 % nor 100 % and scores neither pass nor fail.
 */
public record Ratio(long numerator, long denominator) {

    public Ratio {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a ratio needs 0 <= numerator <= denominator, got "
                    + numerator + "/" + denominator);
        }
    }

    public boolean noData() {
        return denominator == 0;
    }

    /** The share between 0 and 1, rounded to four places; null when there is no data. */
    public Double value() {
        return noData() ? null : Math.round(10_000.0 * numerator / denominator) / 10_000.0;
    }
}
