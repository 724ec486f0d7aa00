package org.liudong.migration.rest;

import org.liudong.platform.persistence.Listing;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(Listing<E> listing, int page, int size, Function<E, T> view) {
        return ofPage(listing, page, size, items -> items.stream().map(view).toList());
    }

    /** A page whose items are shown together, e.g. with what one query reads for all of them. */
    public static <E, T> PageView<T> ofPage(Listing<E> listing, int page, int size, Function<List<E>, List<T>> views) {
        return new PageView<>(views.apply(listing.page(page, size)), page, size, listing.count());
    }
}
