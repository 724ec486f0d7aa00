package org.liudong.registry.rest;

import java.time.LocalDate;

/** A division code: in force ({@code current}) or retired on {@code validTo} in favour of {@code successorCode}. */
public record DivisionView(String code, String name, String level, String parentCode, LocalDate validFrom,
                           LocalDate validTo, String successorCode, String reason, boolean current) {
}
