package org.liudong.migration.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        List<T> items = query.page(page, size).list().stream().map(view).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
