package org.dicta.search;

/** One analysed word of a text: its folded form and where it lies, in UTF-16 code units. */
public record Token(String term, int position, int start, int end) {
}
