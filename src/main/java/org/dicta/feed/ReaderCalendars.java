package org.dicta.feed;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Dates as readers of a language count them: a Persian reader's Solar Hijri calendar ({@code persian}), an Arabic
 * reader's Hijri calendar in the Umm al-Qura calculation ({@code islamic-umalqura}), written with ICU's day, month
 * name and year (the skeleton {@code yMMMMd}, which the explorer's {@code Intl.DateTimeFormat} with
 * {@code {day: 'numeric', month: 'long', year: 'numeric'}} matches). Other languages read the Gregorian date only.
 */
final class ReaderCalendars {

    /** The calendar of each language that reads one besides the Gregorian, as a Unicode locale. */
    private static final Map<String, String> LOCALES = Map.of(
            "fa", "fa@calendar=persian",
            "ar", "ar@calendar=islamic-umalqura");

    private ReaderCalendars() {
    }

    /** The date in the reader's own calendar ({@code ۲۲ اسفند ۱۴۰۱} in Persian), or empty when it is the Gregorian. */
    static Optional<String> inReadersCalendar(LocalDate date, String lang) {
        String locale = lang == null ? null : LOCALES.get(lang);
        if (locale == null || date == null) {
            return Optional.empty();
        }
        ULocale reader = new ULocale(locale);
        DateFormat format = DateFormat.getInstanceForSkeleton("yMMMMd", reader); // not thread-safe: one per call
        format.setTimeZone(TimeZone.GMT_ZONE);
        Calendar gregorian = Calendar.getInstance(TimeZone.GMT_ZONE, ULocale.ROOT);
        gregorian.clear();
        gregorian.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return Optional.of(format.format(gregorian.getTime()));
    }

    /** The ISO date, followed by the reader's calendar in parentheses where it has one: {@code 2023-03-13 (۲۲ اسفند ۱۴۰۱)}. */
    static String describe(LocalDate date, String lang) {
        return date + inReadersCalendar(date, lang).map(other -> " (" + other + ")").orElse("");
    }
}
