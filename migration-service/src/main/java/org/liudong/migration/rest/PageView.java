package org.liudong.migration.rest;

import org.liudong.platform.persistence.Listing;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(Listing<E> listing, int page, int size, Function<E, T> view) {
        List<T> items = listing.page(page, size).stream().map(view).toList();
        return new PageView<>(items, page, size, listing.count());
    }
}
