package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.Relation;
import org.liudong.registry.rest.AddressView;
import org.liudong.registry.rest.HouseholdView;
import org.liudong.registry.rest.MemberView;
import org.liudong.registry.rest.PersonSummary;
import org.liudong.registry.rest.PersonView;

import java.util.Comparator;
import java.util.List;

/** Entity → answer mapping; the one place that decides where ID numbers show in full and where masked. */
@ApplicationScoped
public class Views {

    /** The head first, then the others from the eldest. */
    private static final Comparator<Person> MEMBER_ORDER = Comparator
            .comparing((Person p) -> p.relation != Relation.HEAD)
            .thenComparing(p -> p.birthDate)
            .thenComparing(p -> p.id);

    private final IdNumbers idNumbers;

    public Views(IdNumbers idNumbers) {
        this.idNumbers = idNumbers;
    }

    public PersonView person(Person p) {
        return new PersonView(p.id.toString(), idNumbers.full(p), p.name, p.sex, p.birthDate, p.phone, p.registryCounty,
                p.householdId == null ? null : p.householdId.toString(), p.relation, p.status, p.diedOn, p.cancelledOn,
                p.cancellationReason, p.version);
    }

    public PersonSummary summary(Person p) {
        return new PersonSummary(p.id.toString(), idNumbers.masked(p), p.name, p.sex, p.birthDate, p.registryCounty,
                p.householdId == null ? null : p.householdId.toString(), p.relation, p.status);
    }

    public MemberView member(Person p) {
        return new MemberView(p.id.toString(), p.relation, p.name, p.sex, p.birthDate, idNumbers.masked(p), p.status);
    }

    public HouseholdView household(Household h, List<Person> members) {
        return new HouseholdView(h.id.toString(), h.householdNumber, h.county, new AddressView(h.township, h.addressDetail),
                h.headPersonId == null ? null : h.headPersonId.toString(), h.status, h.version,
                members.stream().sorted(MEMBER_ORDER).map(this::member).toList());
    }
}
