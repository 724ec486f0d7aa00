package org.liudong.registry.domain;

/** Why a registration is cancelled (注销) other than by death. */
public enum CancellationReason {
    /** The person is registered twice; the other registration stays. */
    DUPLICATE_REGISTRATION,
    /** The person settled abroad. */
    SETTLED_ABROAD,
    /** The person enlisted in active military service. */
    MILITARY_SERVICE,
    /** The registration should never have been made. */
    REGISTERED_IN_ERROR,
    OTHER
}
