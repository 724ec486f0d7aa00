package org.liudong.registry.rest;

import org.liudong.registry.domain.HouseholdStatus;

import java.util.List;

public record HouseholdView(String id, String householdNumber, String county, AddressView address, String headPersonId,
                            HouseholdStatus status, long version, List<MemberView> members) {
}
