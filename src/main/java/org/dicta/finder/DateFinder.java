package org.dicta.finder;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dicta.quote.QuoteView.Span;

/**
 * Finds the dates a report writes, in Arabic, Persian, English or Urdu, with Western (0-9), Arabic-Indic (٠-٩) or
 * extended Arabic-Indic (۰-۹) digits, and the Gregorian day each names.
 *
 * <p>It finds:
 * <ul>
 * <li>Gregorian dates with a month name, day first ({@code 13 March 2023}, {@code 13th of Mar. 2023},
 * {@code 13 /Mar/ 2023}, {@code ١٣ آذار ٢٠٢٣}, {@code ۱۳ مارس ۲۰۲۳}, {@code 13 مارچ 2023ء}) or month first
 * with an English name ({@code March 13, 2023}); month names in English (full or abbreviated, in any case), Arabic
 * (Egyptian and Gulf, and Levantine), Persian and Urdu;</li>
 * <li>Solar Hijri dates with a Persian month name ({@code ۲۲ اسفند ۱۴۰۱}, {@code 22 / اسفند / 1401 ش});</li>
 * <li>lunar Hijri dates with an Arabic, Persian or Urdu month name, with or without an epithet
 * ({@code 21 شعبان 1444 هـ}, {@code ۲۱ شعبان المعظم ۱۴۴۴}, {@code ۱ رمضان المبارک ۱۴۴۴});</li>
 * <li>numeric dates separated by one of {@code / - .}: year first ({@code 2023-03-13}, {@code ۱۴۰۱/۱۲/۲۲}) or day
 * first ({@code 13/3/2023}), never month first.</li>
 * </ul>
 * Between day, month and year it allows spaces, bidi marks, a comma or one of {@code / - .}; a month may have two
 * names, as Arabic news often gives them ({@code 13 مارس/آذار 2023}, {@code 13 آذار (مارس) 2023}). Month names are
 * compared after folding: Arabic and Persian yeh and kaf, the hamza forms of alef and teh marbuta or heh are one
 * letter each, and diacritics, tatweel, ZWNJ and ZWJ are ignored; a month name only counts with a day before it (after
 * it, for a Gregorian month first) and a year after it, so the news agency Mehr (مهر) or the Persian words آب and تیر
 * are no dates. A date's text and span run from its first number or word to its year, with the era mark written right after
 * the year when there is one (م, ء, میلادی; ش, هجری شمسی; هـ, ه.ق, ق, هجری قمری, ھ).
 *
 * <p>The calendar: a month name tells it; for a numeric date, the era mark, else a year-first date with a year from
 * 1300 to 1499 is Solar Hijri, and any other is Gregorian. The years it takes are 1500-2999 (Gregorian), 1300-1499
 * (Solar Hijri) and 1300-1500 (lunar Hijri). Solar Hijri days are converted with ICU's Persian calendar, lunar Hijri
 * days with ICU's Umm al-Qura calculation ({@link IslamicCalendar.CalculationType#ISLAMIC_UMALQURA}), the official
 * calendar of Saudi Arabia and the usual one of Arabic news; a day that the calendar does not have (13/13/2023,
 * 30 February, 30 Ramadan 1444 whose Umm al-Qura month has 29 days) is no date.
 *
 * <p>It does not find: dates without a day or without a year (March 2023, 13 March, اسفند ۱۴۰۱), which name no single
 * day; two-digit years; month-first numeric dates (3/13/2023); day-first numeric dates with a Hijri-range year and no
 * era mark (22/12/1401), which could be in either Hijri calendar; relative dates (yesterday, دیروز) and weekdays alone.
 * Where two dates overlap, the one that starts first (then the longer) is kept.
 *
 * <p>Its patterns are compiled once; it holds no state, so that one instance may serve any number of threads.
 */
public final class DateFinder {

    /** A digit: Western, Arabic-Indic or extended Arabic-Indic (Persian, Urdu). */
    private static final String DIGIT = "[0-9\\u0660-\\u0669\\u06f0-\\u06f9]";
    /** White space, with the no-break spaces and the bidi marks and isolates that editors leave around dates. */
    private static final String GAP = "[\\s\\u00a0\\u2000-\\u200b\\u200e\\u200f\\u202f\\u061c\\u202a-\\u202e"
            + "\\u2066-\\u2069\\ufeff]";
    /** What may follow a letter of a name without changing it: harakat, superscript alef, tatweel, ZWNJ and ZWJ. */
    private static final String MARK = "[\\u064b-\\u065f\\u0670\\u0640\\u200c\\u200d]";
    /** Letters that are written for one another; the first of each is the folded one. */
    private static final List<String> LOOKALIKES = List.of("یيى", "کك", "اأإآٱ", "هةۀہ");
    private static final Pattern IGNORED = Pattern.compile(MARK + "|" + GAP);

    private static final String LATIN_WORD_START = "(?=[A-Za-z])(?<![\\p{L}\\p{M}])";
    private static final String WORD_END = "(?![\\p{L}\\p{M}])";
    private static final String SEPARATOR = GAP + "*(?:[-/.,\\u060c]" + GAP + "*)?";
    /** A day of the month, with an English ordinal suffix if any; the lookahead first is cheaper than the lookbehind. */
    private static final String DAY = "(?=" + DIGIT + ")(?<!" + DIGIT + ")(?<day>" + DIGIT + "{1,2})(?!" + DIGIT + ")"
            + "(?:" + alternation(List.of("st", "nd", "rd", "th")) + ")?(?:" + GAP + "+" + spellings("of") + ")?";
    private static final String YEAR = "(?<!" + DIGIT + ")(?<year>" + DIGIT + "{4})(?!" + DIGIT + ")";
    private static final String NUMBER_START = "(?=" + DIGIT + ")(?<!" + DIGIT + "|" + DIGIT + "[-/.])";
    private static final String NUMBER_END = "(?!" + DIGIT + "|[-/.]" + DIGIT + ")";
    private static final String NUMERIC_MONTH = "(?<separator>[-/.])(?<month>" + DIGIT + "{1,2})\\k<separator>";

    private static final List<List<String>> GREGORIAN_MONTHS = List.of(
            List.of("January", "Jan", "يناير", "كانون الثاني", "ژانویه", "جنوری"),
            List.of("February", "Feb", "فبراير", "شباط", "فوریه", "فروری"),
            List.of("March", "Mar", "مارس", "آذار", "مارچ"),
            List.of("April", "Apr", "أبريل", "نيسان", "آوریل", "آپریل"),
            List.of("May", "مايو", "أيار", "مه", "می", "مئی"),
            List.of("June", "Jun", "يونيو", "يونيه", "حزيران", "ژوئن", "جون"),
            List.of("July", "Jul", "يوليو", "يوليه", "تموز", "ژوئیه", "ژوییه", "جولای", "جولائی"),
            List.of("August", "Aug", "أغسطس", "آب", "اوت", "آگوست", "اگست"),
            List.of("September", "Sept", "Sep", "سبتمبر", "أيلول", "سپتامبر", "ستمبر"),
            List.of("October", "Oct", "أكتوبر", "تشرين الأول", "اکتبر"),
            List.of("November", "Nov", "نوفمبر", "تشرين الثاني", "نوامبر", "نومبر"),
            List.of("December", "Dec", "ديسمبر", "كانون الأول", "دسامبر", "دسمبر"));
    private static final List<List<String>> PERSIAN_MONTHS = List.of(
            List.of("فروردین"), List.of("اردیبهشت"), List.of("خرداد"), List.of("تیر"), List.of("مرداد", "امرداد"),
            List.of("شهریور"), List.of("مهر"), List.of("آبان"), List.of("آذر"), List.of("دی"), List.of("بهمن"),
            List.of("اسفند"));
    private static final List<List<String>> ISLAMIC_MONTHS = List.of(
            List.of("محرم"),
            List.of("صفر"),
            List.of("ربيع الأول"),
            List.of("ربيع الثاني", "ربيع الآخر"),
            List.of("جمادى الأولى", "جمادى الأول"),
            List.of("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
            List.of("رجب"),
            List.of("شعبان"),
            List.of("رمضان"),
            List.of("شوال"),
            List.of("ذو القعدة", "ذي القعدة", "ذي قعدة"),
            List.of("ذو الحجة", "ذي الحجة"));
    /** What Arabic, Persian and Urdu write after a lunar month's name: شعبان المعظم, رمضان المبارک. */
    private static final List<String> ISLAMIC_EPITHETS = List.of("المعظم", "المبارك", "الحرام", "المظفر", "المرجب", "المكرم",
            "الخير");
    private static final Map<CalendarSystem, List<String>> ERA_MARKS = Map.of(
            CalendarSystem.GREGORIAN, List.of("ميلادي", "عیسوی", "م", "ء"),
            CalendarSystem.PERSIAN, List.of("هجري شمسي", "ه.ش", "شمسي", "خورشیدی", "ش"),
            CalendarSystem.ISLAMIC, List.of("هجري قمري", "ه.ق", "قمري", "هجرية", "هجري", "ه", "ھ", "ق"));
    private static final Map<String, CalendarSystem> ERA_CALENDARS = ERA_MARKS.entrySet().stream()
            .flatMap(marks -> marks.getValue().stream().map(mark -> Map.entry(fold(mark), marks.getKey())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final List<Form> FORMS = List.of(
            dayFirst(CalendarSystem.GREGORIAN, GREGORIAN_MONTHS, ""),
            monthFirst(CalendarSystem.GREGORIAN, GREGORIAN_MONTHS),
            dayFirst(CalendarSystem.PERSIAN, PERSIAN_MONTHS, ""),
            dayFirst(CalendarSystem.ISLAMIC, ISLAMIC_MONTHS, epithet(ISLAMIC_EPITHETS)),
            numeric(NUMBER_START + "(?<year>" + DIGIT + "{4})" + NUMERIC_MONTH + "(?<day>" + DIGIT + "{1,2})" + NUMBER_END,
                    CalendarSystem.PERSIAN, CalendarSystem.GREGORIAN),
            numeric(NUMBER_START + "(?<day>" + DIGIT + "{1,2})" + NUMERIC_MONTH + "(?<year>" + DIGIT + "{4})" + NUMBER_END,
                    CalendarSystem.GREGORIAN));

    /**
     * The dates in a text, in the order of the text.
     *
     * @param text a report, in any of the four languages
     * @return each date with its text ({@code text.substring(span.start, span.end)}), calendar and Gregorian day
     */
    public List<DateMention> find(String text) {
        List<DateMention> found = new ArrayList<>();
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(text);
            while (matcher.find()) {
                form.read(matcher).ifPresent(found::add);
            }
        }
        found.sort(Comparator.<DateMention>comparingInt(date -> date.span().start())
                .thenComparing(date -> date.span().end(), Comparator.reverseOrder()));
        return withoutOverlaps(found);
    }

    private static List<DateMention> withoutOverlaps(List<DateMention> sorted) {
        List<DateMention> kept = new ArrayList<>();
        int end = 0;
        for (DateMention date : sorted) {
            if (date.span().start() >= end) {
                kept.add(date);
                end = date.span().end();
            }
        }
        return kept;
    }

    /**
     * One way of writing a date: a pattern with the groups {@code day}, {@code month}, {@code year} and {@code era}
     * (optional), the month names it knows (none when its months are numbers), and the calendars a date without an
     * era mark may be in: the first whose years hold its year.
     */
    private record Form(Pattern pattern, Map<String, Integer> monthNames, List<CalendarSystem> calendars) {

        Optional<DateMention> read(Matcher match) {
            int year = number(match.group("year"));
            int day = number(match.group("day"));
            return month(match).flatMap(month -> calendar(match.group("era"), year)
                    .flatMap(calendar -> calendar.date(year, month, day).map(date -> mention(match, calendar, date))));
        }

        private static DateMention mention(Matcher match, CalendarSystem calendar, LocalDate date) {
            return new DateMention(match.group(), new Span(match.start(), match.end()), calendar.id, date);
        }

        /** The month's number; for a month given two names (مارس/آذار), none unless both name the same month. */
        private Optional<Integer> month(Matcher match) {
            if (monthNames.isEmpty()) {
                return Optional.of(number(match.group("month")));
            }
            Integer month = monthNames.get(fold(match.group("month")));
            String other = match.group("also") != null ? match.group("also") : match.group("aside");
            return other == null || monthNames.get(fold(other)).equals(month) ? Optional.of(month) : Optional.empty();
        }

        private Optional<CalendarSystem> calendar(String era, int year) {
            if (era != null) {
                return Optional.of(ERA_CALENDARS.get(fold(era)));
            }
            return calendars.stream().filter(calendar -> calendar.holds(year)).findFirst();
        }
    }

    /** Day, month (with an epithet after it, when the pattern {@code epithet} matches one) and year. */
    private static Form dayFirst(CalendarSystem calendar, List<List<String>> months, String epithet) {
        String pattern = DAY + SEPARATOR + monthName(months) + epithet + SEPARATOR + YEAR + era(ERA_MARKS.get(calendar));
        return new Form(Pattern.compile(pattern), monthNumbers(months), List.of(calendar));
    }

    /** Month first, as English writes it: only the months' Latin names. */
    private static Form monthFirst(CalendarSystem calendar, List<List<String>> months) {
        List<List<String>> latin = months.stream().map(names -> names.stream().filter(name -> name.charAt(0) < 0x80).toList())
                .toList();
        String pattern = LATIN_WORD_START + monthName(latin) + SEPARATOR + DAY + SEPARATOR + YEAR + era(ERA_MARKS.get(calendar));
        return new Form(Pattern.compile(pattern), monthNumbers(latin), List.of(calendar));
    }

    private static Form numeric(String pattern, CalendarSystem... calendars) {
        List<String> marks = ERA_MARKS.values().stream().flatMap(List::stream).toList();
        return new Form(Pattern.compile(pattern + era(marks)), Map.of(), List.of(calendars));
    }

    /** A month's name, and optionally another name of it after a slash or in parentheses: مارس/آذار, آذار (مارس). */
    private static String monthName(List<List<String>> months) {
        String names = alternation(months.stream().flatMap(List::stream).toList());
        return "(?<month>" + names + ")" + WORD_END + "(?:" + GAP + "*/" + GAP + "*(?<also>" + names + ")" + WORD_END
                + "|" + GAP + "*\\(" + GAP + "*(?<aside>" + names + ")" + WORD_END + GAP + "*\\))?";
    }

    private static String epithet(List<String> epithets) {
        return "(?:" + GAP + "+(?:" + alternation(epithets) + ")" + WORD_END + ")?";
    }

    private static String era(List<String> marks) {
        return "(?:" + GAP + "*(?<era>" + alternation(marks) + ")" + WORD_END + ")?";
    }

    /** The month of each folded name: 1 for the names in {@code months.get(0)}, and so on. */
    private static Map<String, Integer> monthNumbers(List<List<String>> months) {
        Map<String, Integer> numbers = new HashMap<>();
        for (int month = 1; month <= months.size(); month++) {
            for (String name : months.get(month - 1)) {
                Integer other = numbers.put(fold(name), month);
                if (other != null && other != month) {
                    throw new IllegalStateException("Months " + other + " and " + month + " are both named " + name);
                }
            }
        }
        return Map.copyOf(numbers);
    }

    /** A regular expression that matches any of the words as written in any of their spellings, longest first. */
    private static String alternation(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(DateFinder::spellings)
                .distinct().collect(Collectors.joining("|"));
    }

    /** A regular expression that matches the word with any lookalike letter, marks after a letter and gaps between words. */
    private static String spellings(String word) {
        StringBuilder regex = new StringBuilder();
        for (char letter : word.toCharArray()) {
            if (letter == ' ') {
                regex.append(GAP).append('*');
            } else if (!Character.isLetter(letter)) {
                regex.append('\\').append(letter);
            } else if (letter < 0x80) {
                regex.append('[').append(Character.toUpperCase(letter)).append(Character.toLowerCase(letter)).append(']');
            } else {
                regex.append(lookalikes(letter).map(set -> "[" + set + "]").orElse(String.valueOf(letter)));
                regex.append(MARK).append('*');
            }
        }
        return regex.toString();
    }

    /** The word in lower case, without marks and gaps, each lookalike letter replaced by the first of its set. */
    private static String fold(String word) {
        StringBuilder folded = new StringBuilder();
        for (char letter : IGNORED.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("").toCharArray()) {
            folded.append(lookalikes(letter).map(set -> set.charAt(0)).orElse(letter));
        }
        return folded.toString();
    }

    private static Optional<String> lookalikes(char letter) {
        return LOOKALIKES.stream().filter(set -> set.indexOf(letter) >= 0).findFirst();
    }

    /** The value of a number written in any digits. */
    private static int number(String digits) {
        int value = 0;
        for (char digit : digits.toCharArray()) {
            value = value * 10 + Character.digit(digit, 10);
        }
        return value;
    }

    /** A calendar a date is written in: its name in the API, the years the finder takes, and its ICU calendar. */
    private enum CalendarSystem {
        GREGORIAN("gregorian", 1500, 2999, null),
        /** ICU's PersianCalendar, asked for by locale since ICU marks the class itself deprecated (as not yet stable). */
        PERSIAN("persian", 1300, 1499, Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("fa_IR@calendar=persian"))),
        ISLAMIC("islamic", 1300, 1500, ummAlQura());

        private final String id;
        private final int firstYear;
        private final int lastYear;
        /** Never changed after construction, only cloned; null for the Gregorian calendar, which java.time knows. */
        private final Calendar prototype;

        CalendarSystem(String id, int firstYear, int lastYear, Calendar prototype) {
            this.id = id;
            this.firstYear = firstYear;
            this.lastYear = lastYear;
            this.prototype = prototype;
            if (prototype != null) {
                prototype.setLenient(false);
            }
        }

        boolean holds(int year) {
            return year >= firstYear && year <= lastYear;
        }

        /** The Gregorian day of a date of this calendar (month 1 to 12), or empty when the calendar has no such day. */
        Optional<LocalDate> date(int year, int month, int day) {
            if (!holds(year) || month < 1 || month > 12 || day < 1) {
                return Optional.empty();
            }
            if (prototype == null) {
                return YearMonth.of(year, month).isValidDay(day) ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
            }
            Calendar calendar = (Calendar) prototype.clone();
            calendar.clear();
            calendar.set(Calendar.ERA, 0);
            calendar.set(Calendar.YEAR, year);
            calendar.set(Calendar.MONTH, month - 1);
            calendar.set(Calendar.DAY_OF_MONTH, day);
            try {
                return Optional.of(Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate());
            } catch (IllegalArgumentException noSuchDay) {
                return Optional.empty();
            }
        }

        private static Calendar ummAlQura() {
            IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
            calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
            return calendar;
        }
    }
}
