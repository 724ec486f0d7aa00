package org.liudong.platform.problem;

/** One rejected field of a request: where it is ({@code members[0].idNumber}) and why. */
public record FieldError(String field, String reason) {
}
