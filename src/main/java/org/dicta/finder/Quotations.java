package org.dicta.finder;

import java.util.ArrayList;
import java.util.List;

/**
 * The quotations of a text: pairs of the quotation marks the four scripts use («…», “…”, „…“, ‹…›, and straight
 * double quotes paired within a paragraph). Each is {@code [open, close]}, the offsets of its two marks (or, for one
 * left open, of the paragraph's end).
 */
final class Quotations {

    private Quotations() {
    }

    /**
     * A quotation left open at the end of its paragraph runs to there: English opens each paragraph of a long quotation
     * without closing the one before, and a report cut short leaves its last quotation open. Its close is then the
     * paragraph's end, just past its last character.
     */
    private static void closeAt(List<int[]> found, int end, int... opens) {
        for (int open : opens) {
            if (open >= 0 && end > open + 1) {
                found.add(new int[] {open, end});
            }
        }
    }

    static List<int[]> find(String text) {
        List<int[]> found = new ArrayList<>();
        int guillemet = -1;
        int curly = -1;
        int straight = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '«', '‹' -> guillemet = guillemet < 0 ? i : guillemet;
                case '»', '›' -> {
                    if (guillemet >= 0) {
                        found.add(new int[] {guillemet, i});
                        guillemet = -1;
                    }
                }
                case '“', '„' -> {
                    if (curly >= 0 && c == '“' && text.charAt(curly) == '„') {
                        found.add(new int[] {curly, i});
                        curly = -1;
                    } else if (curly < 0) {
                        curly = i;
                    }
                }
                case '”' -> {
                    if (curly >= 0) {
                        found.add(new int[] {curly, i});
                        curly = -1;
                    }
                }
                case '"' -> {
                    if (straight >= 0) {
                        found.add(new int[] {straight, i});
                        straight = -1;
                    } else {
                        straight = i;
                    }
                }
                case '\n' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n' || i > 0 && text.charAt(i - 1) == '\n') {
                        closeAt(found, i, straight, curly, guillemet);
                        straight = -1;
                        curly = -1;
                        guillemet = -1;
                    }
                }
                default -> {
                }
            }
        }
        closeAt(found, text.length(), straight, curly, guillemet);
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found;
    }
}
