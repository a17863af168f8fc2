package org.dicta.finder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dicta.quote.QuoteView.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateFinderTest {

    private final DateFinder finder = new DateFinder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The talks were held on 13 March 2023 in Tehran.    | 13 March 2023       | 2023-03-13
            On March 13, 2023, the Leader received              | March 13, 2023      | 2023-03-13
            Published 13 Mar 2023 by IRNA                       | 13 Mar 2023         | 2023-03-13
            Bilateral Relations - 13 /Mar/ 2023                 | 13 /Mar/ 2023       | 2023-03-13
            on the 13th of March, 2023, he said                 | 13th of March, 2023 | 2023-03-13
            Monday, March 13th 2023.                            | March 13th 2023     | 2023-03-13
            Dated 13-Mar-2023                                   | 13-Mar-2023         | 2023-03-13
            By 1 Sept. 2023 at the latest                       | 1 Sept. 2023        | 2023-09-01
            AS OF 31 DECEMBER 2022                              | 31 DECEMBER 2022    | 2022-12-31
            until 29 Feb 2024                                   | 29 Feb 2024         | 2024-02-29
            on 4 july 2023                                      | 4 july 2023         | 2023-07-04
            ON 13TH MARCH 2023                                  | 13TH MARCH 2023     | 2023-03-13
            """)
    void englishMonthNames(String text, String written, String iso) {
        assertOneDate(text, written, "gregorian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            الإثنين 13 مارس 2023 م، التقى   | 13 مارس 2023 م     | 2023-03-13
            في ١٣ آذار ٢٠٢٣ استقبل          | ١٣ آذار ٢٠٢٣        | 2023-03-13
            يوم ٢٥ كانون الأول ٢٠٢٢         | ٢٥ كانون الأول ٢٠٢٢ | 2022-12-25
            3 كانون الثاني 2023            | 3 كانون الثاني 2023 | 2023-01-03
            3 كانون الثانى 2023            | 3 كانون الثانى 2023 | 2023-01-03
            10 شباط 2023                   | 10 شباط 2023        | 2023-02-10
            4 نيسان 2023                   | 4 نيسان 2023        | 2023-04-04
            1 أيار 2023                    | 1 أيار 2023         | 2023-05-01
            14 حزيران 2023                 | 14 حزيران 2023      | 2023-06-14
            7 تموز 2023                    | 7 تموز 2023         | 2023-07-07
            9 آب 2023                      | 9 آب 2023           | 2023-08-09
            11 أيلول 2023                  | 11 أيلول 2023       | 2023-09-11
            12 تشرين الأول 2023            | 12 تشرين الأول 2023 | 2023-10-12
            يوم 1 تشرين الثاني 2022 ميلادي  | 1 تشرين الثاني 2022 ميلادي | 2022-11-01
            5 يناير 2023                   | 5 يناير 2023        | 2023-01-05
            5 فبراير 2023                  | 5 فبراير 2023       | 2023-02-05
            ٢٠ أبريل ٢٠٢٣                  | ٢٠ أبريل ٢٠٢٣       | 2023-04-20
            ٢٠ ابريل ٢٠٢٣                  | ٢٠ ابريل ٢٠٢٣       | 2023-04-20
            ٢٠ إبريل ٢٠٢٣                  | ٢٠ إبريل ٢٠٢٣       | 2023-04-20
            5 مايو 2023                    | 5 مايو 2023         | 2023-05-05
            5 يونيو 2023                   | 5 يونيو 2023        | 2023-06-05
            5 يونيه 2023                   | 5 يونيه 2023        | 2023-06-05
            5 يوليو 2023                   | 5 يوليو 2023        | 2023-07-05
            5 يوليه 2023                   | 5 يوليه 2023        | 2023-07-05
            15 أغسطس 2023                  | 15 أغسطس 2023       | 2023-08-15
            15 اغسطس 2023                  | 15 اغسطس 2023       | 2023-08-15
            5 سبتمبر 2023                  | 5 سبتمبر 2023       | 2023-09-05
            5 أكتوبر 2023                  | 5 أكتوبر 2023       | 2023-10-05
            5 اكتوبر 2023                  | 5 اكتوبر 2023       | 2023-10-05
            5 نوفمبر 2023                  | 5 نوفمبر 2023       | 2023-11-05
            5 ديسمبر 2023                  | 5 ديسمبر 2023       | 2023-12-05
            """)
    void arabicMonthNames(String text, String written, String iso) {
        assertOneDate(text, written, "gregorian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            روز ۱۳ مارس ۲۰۲۳ میلادی، رهبر     | ۱۳ مارس ۲۰۲۳ میلادی | 2023-03-13
            ۱ ژانویه ۲۰۲۳                     | ۱ ژانویه ۲۰۲۳       | 2023-01-01
            ۱۴ فوریه ۲۰۲۳                     | ۱۴ فوریه ۲۰۲۳       | 2023-02-14
            ۲۰ آوریل ۲۰۲۳                     | ۲۰ آوریل ۲۰۲۳       | 2023-04-20
            ۵ مه ۲۰۲۳                         | ۵ مه ۲۰۲۳           | 2023-05-05
            ۶ می ۲۰۲۳                         | ۶ می ۲۰۲۳           | 2023-05-06
            ۱ ژوئن ۲۰۲۳                       | ۱ ژوئن ۲۰۲۳         | 2023-06-01
            ۴ ژوئیه ۲۰۲۳                      | ۴ ژوئیه ۲۰۲۳        | 2023-07-04
            ۴ ژوئیهٔ ۲۰۲۳                     | ۴ ژوئیهٔ ۲۰۲۳       | 2023-07-04
            ۴ جولای ۲۰۲۳                      | ۴ جولای ۲۰۲۳        | 2023-07-04
            ۱۵ اوت ۲۰۲۳                       | ۱۵ اوت ۲۰۲۳         | 2023-08-15
            ۱۵ آگوست ۲۰۲۳                     | ۱۵ آگوست ۲۰۲۳       | 2023-08-15
            ۱۱ سپتامبر ۲۰۲۳                   | ۱۱ سپتامبر ۲۰۲۳     | 2023-09-11
            ۷ اکتبر ۲۰۲۳                      | ۷ اکتبر ۲۰۲۳        | 2023-10-07
            ۹ نوامبر ۲۰۲۳                     | ۹ نوامبر ۲۰۲۳       | 2023-11-09
            ۲۵ دسامبر ۲۰۲۳                    | ۲۵ دسامبر ۲۰۲۳      | 2023-12-25
            """)
    void persianNamesOfGregorianMonths(String text, String written, String iso) {
        assertOneDate(text, written, "gregorian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            پیر 13 مارچ 2023ء کو ملاقات   | 13 مارچ 2023ء   | 2023-03-13
            ۱۳ مارچ ۲۰۲۳ کو                | ۱۳ مارچ ۲۰۲۳    | 2023-03-13
            1 جنوری 2023                  | 1 جنوری 2023    | 2023-01-01
            14 فروری 2023                 | 14 فروری 2023   | 2023-02-14
            20 اپریل 2023                 | 20 اپریل 2023   | 2023-04-20
            5 مئی 2023                    | 5 مئی 2023      | 2023-05-05
            1 جون 2023                    | 1 جون 2023      | 2023-06-01
            4 جولائی 2023                 | 4 جولائی 2023   | 2023-07-04
            14 اگست 2023                  | 14 اگست 2023    | 2023-08-14
            11 ستمبر 2023                 | 11 ستمبر 2023   | 2023-09-11
            7 اکتوبر 2023                 | 7 اکتوبر 2023   | 2023-10-07
            9 نومبر 2023                  | 9 نومبر 2023    | 2023-11-09
            25 دسمبر 2023                 | 25 دسمبر 2023   | 2023-12-25
            """)
    void urduMonthNames(String text, String written, String iso) {
        assertOneDate(text, written, "gregorian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            الإثنين (13/3/2023)، مع     | 13/3/2023     | gregorian | 2023-03-13
            13-03-2023                 | 13-03-2023    | gregorian | 2023-03-13
            13.03.2023.                | 13.03.2023    | gregorian | 2023-03-13
            updated 2023-03-13 08:00   | 2023-03-13    | gregorian | 2023-03-13
            2023/3/13                  | 2023/3/13     | gregorian | 2023-03-13
            ١٣/٣/٢٠٢٣                  | ١٣/٣/٢٠٢٣     | gregorian | 2023-03-13
            ۱۳/۰۳/۲۰۲۳                 | ۱۳/۰۳/۲۰۲۳    | gregorian | 2023-03-13
            13/3/2023م                 | 13/3/2023م    | gregorian | 2023-03-13
            29/2/2024                  | 29/2/2024     | gregorian | 2024-02-29
            تاریخ 1401/12/22 ساعت      | 1401/12/22    | persian   | 2023-03-13
            ۱۴۰۱/۱۲/۲۲                 | ۱۴۰۱/۱۲/۲۲    | persian   | 2023-03-13
            ۱۴۰۲-۰۱-۰۱                 | ۱۴۰۲-۰۱-۰۱    | persian   | 2023-03-21
            ۱۴۰۱/۱۲/۲۲ هجری شمسی       | ۱۴۰۱/۱۲/۲۲ هجری شمسی | persian | 2023-03-13
            22/12/1401 ش               | 22/12/1401 ش  | persian   | 2023-03-13
            ۲۲/۱۲/۱۴۰۱ ه.ش             | ۲۲/۱۲/۱۴۰۱ ه.ش | persian  | 2023-03-13
            21/8/1444 هـ               | 21/8/1444 هـ  | islamic   | 2023-03-13
            ۱۴۴۴/۰۸/۲۱ ه.ق             | ۱۴۴۴/۰۸/۲۱ ه.ق | islamic  | 2023-03-13
            ١٤٤٤/٩/١هـ                 | ١٤٤٤/٩/١هـ    | islamic   | 2023-03-23
            """)
    void numericDates(String text, String written, String calendar, String iso) {
        assertOneDate(text, written, calendar, iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            22 اسفند 1401                     | 22 اسفند 1401          | 2023-03-13
            ۲۲ اسفند ۱۴۰۱                     | ۲۲ اسفند ۱۴۰۱          | 2023-03-13
            ٢٢ اسفند ١٤٠١                     | ٢٢ اسفند ١٤٠١          | 2023-03-13
            هیئت همراه - 22 / اسفند / 1401     | 22 / اسفند / 1401      | 2023-03-13
            دوشنبه ۲۲ اسفند ۱۴۰۱ در تهران     | ۲۲ اسفند ۱۴۰۱          | 2023-03-13
            ۲۲ اسفند ۱۴۰۱ هجری شمسی           | ۲۲ اسفند ۱۴۰۱ هجری شمسی | 2023-03-13
            ۲۲ اسفند ۱۴۰۱ ش                   | ۲۲ اسفند ۱۴۰۱ ش        | 2023-03-13
            ۲۲ اسفند ۱۴۰۱ هـ.ش                | ۲۲ اسفند ۱۴۰۱ هـ.ش     | 2023-03-13
            ۱ فروردین ۱۴۰۲                    | ۱ فروردین ۱۴۰۲         | 2023-03-21
            ۳۱ اردیبهشت ۱۴۰۲                  | ۳۱ اردیبهشت ۱۴۰۲       | 2023-05-21
            ۱ خرداد ۱۴۰۲                      | ۱ خرداد ۱۴۰۲           | 2023-05-22
            ۱ تیر ۱۴۰۲                        | ۱ تیر ۱۴۰۲             | 2023-06-22
            ۵ مرداد ۱۴۰۲                      | ۵ مرداد ۱۴۰۲           | 2023-07-27
            ۵ امرداد ۱۴۰۲                     | ۵ امرداد ۱۴۰۲          | 2023-07-27
            ۱ شهریور ۱۴۰۲                     | ۱ شهریور ۱۴۰۲          | 2023-08-23
            ۱ مهر ۱۴۰۱                        | ۱ مهر ۱۴۰۱             | 2022-09-23
            ۱ آبان ۱۴۰۲                       | ۱ آبان ۱۴۰۲            | 2023-10-23
            ۲۰ آذر ۱۴۰۱                       | ۲۰ آذر ۱۴۰۱            | 2022-12-11
            ۱۰ دی ۱۴۰۱                        | ۱۰ دی ۱۴۰۱             | 2022-12-31
            ۲۲ بهمن ۱۳۵۷                      | ۲۲ بهمن ۱۳۵۷           | 1979-02-11
            ۳۰ اسفند ۱۴۰۳                     | ۳۰ اسفند ۱۴۰۳          | 2025-03-20
            """)
    void solarHijriDates(String text, String written, String iso) {
        assertOneDate(text, written, "persian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            21 شعبان 1444 هـ الموافق          | 21 شعبان 1444 هـ         | 2023-03-13
            ۲۱ شعبان ۱۴۴۴                     | ۲۱ شعبان ۱۴۴۴            | 2023-03-13
            ٢١ شعبان ١٤٤٤ه                    | ٢١ شعبان ١٤٤٤ه           | 2023-03-13
            21 شعبان المعظم 1444              | 21 شعبان المعظم 1444     | 2023-03-13
            21 شَعْبَان 1444                   | 21 شَعْبَان 1444          | 2023-03-13
            ١ رمضان ١٤٤٤ هـ                   | ١ رمضان ١٤٤٤ هـ          | 2023-03-23
            یکم: ۱ رمضان المبارک ۱۴۴۴ھ        | ۱ رمضان المبارک ۱۴۴۴ھ    | 2023-03-23
            1 رمضان المبارك 1444 ه.ق          | 1 رمضان المبارك 1444 ه.ق | 2023-03-23
            10 محرم 1445                      | 10 محرم 1445             | 2023-07-28
            10 محرم الحرام 1445               | 10 محرم الحرام 1445      | 2023-07-28
            1 صفر 1444                        | 1 صفر 1444               | 2022-08-28
            1 ربيع الأول 1444                 | 1 ربيع الأول 1444        | 2022-09-27
            ۱ ربیع‌الاول ۱۴۴۴                  | ۱ ربیع‌الاول ۱۴۴۴         | 2022-09-27
            12 ربيع الأول 1445                | 12 ربيع الأول 1445       | 2023-09-27
            1 ربيع الآخر 1444                 | 1 ربيع الآخر 1444        | 2022-10-26
            1 ربيع الثاني 1444                | 1 ربيع الثاني 1444       | 2022-10-26
            ۱ ربیع الثانی ۱۴۴۴                | ۱ ربیع الثانی ۱۴۴۴       | 2022-10-26
            15 جمادى الأولى 1444              | 15 جمادى الأولى 1444     | 2022-12-09
            ۱۵ جمادی‌الاولی ۱۴۴۴               | ۱۵ جمادی‌الاولی ۱۴۴۴      | 2022-12-09
            15 جمادی الاول 1444               | 15 جمادی الاول 1444      | 2022-12-09
            1 جمادى الآخرة 1444               | 1 جمادى الآخرة 1444      | 2022-12-25
            1 جمادى الثانية 1444              | 1 جمادى الثانية 1444     | 2022-12-25
            ۱ جمادی الثانیه ۱۴۴۴              | ۱ جمادی الثانیه ۱۴۴۴     | 2022-12-25
            27 رجب 1444                       | 27 رجب 1444              | 2023-02-18
            1 شوال المكرم 1444                | 1 شوال المكرم 1444       | 2023-04-21
            1 ذو القعدة 1444                  | 1 ذو القعدة 1444         | 2023-05-21
            ۱ ذی‌القعده ۱۴۴۴                   | ۱ ذی‌القعده ۱۴۴۴          | 2023-05-21
            ۱ ذیقعده ۱۴۴۴                     | ۱ ذیقعده ۱۴۴۴            | 2023-05-21
            9 ذي الحجة 1444                   | 9 ذي الحجة 1444          | 2023-06-27
            ۹ ذی‌الحجه ۱۴۴۴ ق                  | ۹ ذی‌الحجه ۱۴۴۴ ق         | 2023-06-27
            9 ذوالحجہ 1444ھ                   | 9 ذوالحجہ 1444ھ          | 2023-06-27
            """)
    void lunarHijriDates(String text, String written, String iso) {
        assertOneDate(text, written, "islamic", iso);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "13/13/2023", "30/2/2023", "2023-02-30", "00/03/2023", "30 February 2023", "31 April 2023", "29 Feb 2023",
        "32 March 2023", "0 March 2023", "30 اسفند 1401", "۳۲ فروردین ۱۴۰۲", "1401/13/01", "30 رمضان 1444",
        "31 شعبان 1444", "3/13/2023"})
    void impossibleDatesAreRejected(String text) {
        assertEquals(List.of(), finder.find(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "", "The Leader received the Belarusian President and his delegation.",
        "به گزارش خبرگزاری مهر، رئیس جمهور بلاروس با رهبر انقلاب دیدار کرد.", "خبرگزاری مهر ۱۴۰۱", "۱۵ مهر", "مهر ۱۴۰۱",
        "مهر و محبت ۲۰ نفر", "March 2023", "13 March", "اسفند ۱۴۰۱", "۲۲ اسفند", "21 شعبان", "13 Mars 2023",
        "version 1.2.2023.5", "a 2023 budget of 13 billion", "۱۴۰۱ میلیارد تومان", "22/12/1401", "call 13-03-20231",
        "۵ می‌خواهد", "۳ آب ۱۴۰۱"})
    void textsWithoutDatesGiveNone(String text) {
        assertEquals(List.of(), finder.find(text));
    }

    @Test
    void theAgencyMehrIsNoDateButTheDateAfterItIs() {
        String text = "خبرگزاری مهر - ۲۲ اسفند ۱۴۰۱";
        assertEquals(List.of(mention(text, "۲۲ اسفند ۱۴۰۱", "persian", "2023-03-13")), finder.find(text));
    }

    @Test
    void levantineMarchIsNotThePersianAzar() {
        String text = "20 آذار 2023 و ۲۰ آذر ۱۴۰۱";
        assertEquals(List.of(mention(text, "20 آذار 2023", "gregorian", "2023-03-20"),
                mention(text, "۲۰ آذر ۱۴۰۱", "persian", "2022-12-11")), finder.find(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            الإثنين 13 مارس/آذار 2023، قال   | 13 مارس/آذار 2023     | 2023-03-13
            في ١٣ آذار (مارس) ٢٠٢٣           | ١٣ آذار (مارس) ٢٠٢٣   | 2023-03-13
            يوم 5 يونيو / حزيران 2023        | 5 يونيو / حزيران 2023 | 2023-06-05
            """)
    void aMonthMayHaveTwoNames(String text, String written, String iso) {
        assertOneDate(text, written, "gregorian", iso);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"13 مارس/نيسان 2023", "13 آذار (نيسان) 2023", "13 مارس (آذار 2023"})
    void twoNamesOfDifferentMonthsAreNoDate(String text) {
        assertEquals(List.of(), finder.find(text));
    }

    @Test
    void datesComeInTheOrderOfTheText() {
        String text = "2023-03-13: on 13 March 2023 (22 اسفند 1401, 21 شعبان 1444 هـ), see ۱۴۰۱/۱۲/۲۲ and March 13, 2023.";
        assertEquals(List.of(
                mention(text, "2023-03-13", "gregorian", "2023-03-13"),
                mention(text, "13 March 2023", "gregorian", "2023-03-13"),
                mention(text, "22 اسفند 1401", "persian", "2023-03-13"),
                mention(text, "21 شعبان 1444 هـ", "islamic", "2023-03-13"),
                mention(text, "۱۴۰۱/۱۲/۲۲", "persian", "2023-03-13"),
                mention(text, "March 13, 2023", "gregorian", "2023-03-13")), finder.find(text));
    }

    @Test
    void overlappingDatesKeepTheFirst() {
        String text = "12 March 2023-03-13";
        assertEquals(List.of(mention(text, "12 March 2023", "gregorian", "2023-03-12")), finder.find(text));
    }

    @Test
    void offsetsCountEveryCharOfTheTextBeforeTheDate() {
        String text = "\u200fمی\u200cگوید \u202b\u200e۲۲ اسفند ۱۴۰۱\u202c 😀 13 March 2023";
        List<DateMention> found = finder.find(text);
        assertEquals(List.of(new DateMention("۲۲ اسفند ۱۴۰۱", new Span(11, 24), "persian", LocalDate.of(2023, 3, 13)),
                new DateMention("13 March 2023", new Span(29, 42), "gregorian", LocalDate.of(2023, 3, 13))), found);
        found.forEach(date -> assertEquals(date.text(), text.substring(date.span().start(), date.span().end())));
    }

    @Test
    void marksAndLookalikeLettersInsideADateStayInItsText() {
        String text = "في ٢٢\u200f كانون\u00a0الأوّل\u200f ٢٠٢٢ و ۱ ذي\u200cالقعدة ۱۴۴۴";
        assertEquals(List.of(mention(text, "٢٢\u200f كانون\u00a0الأوّل\u200f ٢٠٢٢", "gregorian", "2022-12-22"),
                mention(text, "۱ ذي\u200cالقعدة ۱۴۴۴", "islamic", "2023-05-21")), finder.find(text));
    }

    @Test
    void aDateMayMixDigitsOfEachKind() {
        String text = "13 مارس ٢٠٢٣ و ۲۲ اسفند 1401";
        assertEquals(List.of(mention(text, "13 مارس ٢٠٢٣", "gregorian", "2023-03-13"),
                mention(text, "۲۲ اسفند 1401", "persian", "2023-03-13")), finder.find(text));
    }

    @Test
    void persianSeedReportDatesItsMeetingInTheSolarCalendar() throws IOException {
        assertSeedHas("001_e2ce688135970981.txt", "22 / اسفند / 1401", "persian");
    }

    @Test
    void arabicSeedReportDatesItsMeetingInParentheses() throws IOException {
        assertSeedHas("000_26e08119a475d493.txt", "13/3/2023", "gregorian");
    }

    @Test
    void englishSeedReportDatesItsTitle() throws IOException {
        assertSeedHas("002_fcbcff514eaca929.txt", "13 /Mar/ 2023", "gregorian");
    }

    @Test
    void everySeedDateIsItsSliceOfTheReport() throws IOException {
        try (var seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.filter(path -> path.toString().endsWith(".txt")).toList()) {
                String text = Files.readString(seed);
                finder.find(text).forEach(date -> assertEquals(date.text(), text.substring(date.span().start(),
                        date.span().end()), seed.toString()));
            }
        }
    }

    private void assertOneDate(String text, String written, String calendar, String iso) {
        assertEquals(List.of(mention(text, written, calendar, iso)), finder.find(text));
    }

    private void assertSeedHas(String file, String written, String calendar) throws IOException {
        String text = Files.readString(Path.of("seeds", file));
        List<DateMention> found = finder.find(text);
        assertTrue(found.contains(mention(text, written, calendar, "2023-03-13")), found::toString);
    }

    /** The date that {@code written} is at its first occurrence in {@code text}. */
    private static DateMention mention(String text, String written, String calendar, String iso) {
        int start = text.indexOf(written);
        assertTrue(start >= 0, written + " is not in " + text);
        return new DateMention(written, new Span(start, start + written.length()), calendar, LocalDate.parse(iso));
    }
}
