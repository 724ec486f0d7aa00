package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;
import org.liudong.platform.problem.FieldError;
import org.liudong.registry.domain.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Resident ID numbers in and out of the register: validation against the record, encryption, blind index. */
@ApplicationScoped
public class IdNumbers {

    private final IdNumberCipher cipher;

    public IdNumbers(IdNumberCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Parses an 18-character number and checks that its birth date and sex agree with the record; adds the
     * reasons to {@code errors} and answers empty when it is not acceptable.
     */
    public Optional<ResidentIdNumber> check(String field, String candidate, LocalDate birthDate, Sex sex,
                                            List<FieldError> errors) {
        return check(field, candidate, birthDate, sex, errors, false);
    }

    /** As {@link #check}, also accepting legacy 15-digit numbers (bulk imports of old registers). */
    public Optional<ResidentIdNumber> check(String field, String candidate, LocalDate birthDate, Sex sex,
                                            List<FieldError> errors, boolean acceptLegacy) {
        ResidentIdNumber number;
        try {
            number = acceptLegacy ? ResidentIdNumber.parseAnyForm(candidate) : ResidentIdNumber.parse(candidate);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not a valid resident ID number: " + e.getMessage()));
            return Optional.empty();
        }
        int before = errors.size();
        if (birthDate != null && !number.birthDate().equals(birthDate)) {
            errors.add(new FieldError(field, "encodes birth date " + number.birthDate() + ", the record says " + birthDate));
        }
        if (sex != null && number.sex() != sex) {
            errors.add(new FieldError(field, "encodes sex " + number.sex() + ", the record says " + sex));
        }
        return errors.size() == before ? Optional.of(number) : Optional.empty();
    }

    public String index(ResidentIdNumber number) {
        return cipher.index(number.value());
    }

    /** The blind index of a number as typed in a search, or empty when it cannot be an ID number. */
    public Optional<String> indexOfSearch(String candidate) {
        try {
            return Optional.of(cipher.index(ResidentIdNumber.parseAnyForm(candidate).value()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void store(Person person, ResidentIdNumber number) {
        person.idNumberEncrypted = cipher.encrypt(number.value());
        person.idIndex = cipher.index(number.value());
    }

    /** The stored (encrypted) form of a number. */
    public byte[] encrypt(ResidentIdNumber number) {
        return cipher.encrypt(number.value());
    }

    public String full(Person person) {
        return cipher.decrypt(person.idNumberEncrypted);
    }

    public String masked(Person person) {
        return new ResidentIdNumber(full(person)).masked();
    }
}
