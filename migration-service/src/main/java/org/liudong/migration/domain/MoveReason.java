package org.liudong.migration.domain;

/** Why a person moves, as counties report it. */
public enum MoveReason {
    WORK, BUSINESS, STUDY, FAMILY, MARRIAGE, OTHER
}
