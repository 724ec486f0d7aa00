package org.liudong.migration.domain;

import java.time.LocalDate;

/** A person's basic data as a move keeps it (encrypted at rest) for the two counties it links. */
public record PersonData(String idNumber, String name, String sex, LocalDate birthDate) {
}
