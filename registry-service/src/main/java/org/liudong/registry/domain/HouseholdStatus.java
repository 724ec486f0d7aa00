package org.liudong.registry.domain;

public enum HouseholdStatus {
    ACTIVE, DISSOLVED
}
