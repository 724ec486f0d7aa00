package org.liudong.registry.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Corrects a person's name and/or phone; absent fields stay as they are, an empty phone removes it. */
public record CorrectionRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "may hold digits, spaces, + and - only") String phone) {
}
