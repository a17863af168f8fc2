package org.dicta.finder;

import java.util.List;

/** Finds the dates a report writes. (Being written.) */
public final class DateFinder {

    /** The dates in a text, in the order of the text. */
    public List<DateMention> find(String text) {
        return List.of();
    }
}
