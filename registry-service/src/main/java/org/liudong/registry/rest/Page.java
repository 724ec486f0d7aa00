package org.liudong.registry.rest;

import java.util.List;

/** A page of a list answer; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
