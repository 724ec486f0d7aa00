package org.liudong.registry.domain;

public enum PersonStatus {
    ACTIVE, DECEASED, CANCELLED
}
