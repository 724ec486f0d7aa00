package org.liudong.assessment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators a county is scored on, with the defaults used until a supervisor or admin sets a target.
 * Shares are between 0 and 1; counts are per month.
 */
public enum Indicator {

    NOTIFICATION_TIMELINESS("notificationTimeliness", Direction.AT_LEAST, 0.9, 20),
    ARRIVAL_MATCH_RATE("arrivalMatchRate", Direction.AT_LEAST, 0.8, 20),
    VERIFICATION_REPLY_TIMELINESS("verificationReplyTimeliness", Direction.AT_LEAST, 0.9, 20),
    OVERDUE_VERIFICATIONS("overdueVerifications", Direction.AT_MOST, 0, 10),
    LAPSED_MOVES("lapsedMoves", Direction.AT_MOST, 0, 10),
    DISPUTED_MOVES("disputedMoves", Direction.AT_MOST, 0, 5),
    RECORD_QUALITY("recordQuality", Direction.AT_LEAST, 0.95, 10),
    SUSPECTED_DUPLICATES("suspectedDuplicates", Direction.AT_MOST, 0, 5);

    public enum Direction { AT_LEAST, AT_MOST }

    private final String key;
    private final Direction defaultDirection;
    private final double defaultValue;
    private final int defaultWeight;

    Indicator(String key, Direction direction, double value, int weight) {
        this.key = key;
        this.defaultDirection = direction;
        this.defaultValue = value;
        this.defaultWeight = weight;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** A share between 0 and 1 (the others are counts). */
    public boolean isShare() {
        return defaultDirection == Direction.AT_LEAST;
    }

    public Target defaultTarget() {
        return new Target(this, "", defaultValue, defaultDirection, defaultWeight, 0);
    }

    public static Optional<Indicator> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    /**
     * A goal for one indicator in a jurisdiction ("" = the built-in default for everyone); {@code version} is its ETag
     * (0 for the built-in default).
     */
    public record Target(Indicator indicator, String jurisdiction, double value, Direction direction, int weight,
                         long version) {

        /** null when there is no value to judge. */
        public Boolean passes(Double actual) {
            if (actual == null) {
                return null;
            }
            return direction == Direction.AT_LEAST ? actual >= value : actual <= value;
        }
    }
}
