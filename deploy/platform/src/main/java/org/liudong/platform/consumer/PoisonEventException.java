package org.liudong.platform.consumer;

/**
 * An event no retry can fix (unreadable, or against its schema). {@link BatchConsumer} forwards the record to the
 * consumer's dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
