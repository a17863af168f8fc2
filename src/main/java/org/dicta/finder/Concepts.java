package org.dicta.finder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dicta.search.Analysis;
import org.dicta.search.Token;
import org.dicta.search.Tokens;

/**
 * The words that say what a statement is about in any of the four languages, so that the Arabic, Persian, English and
 * Urdu reports of one statement can be recognised as one: the catalogue's speakers (every name and title), its topic
 * labels, numbers (digits of any script, and number words), and a table of the places and subjects diplomatic reports
 * keep returning to. A word matches a concept when it is one of its words or starts with one (Belarus, Belarusian).
 */
final class Concepts {

    /** Places and subjects, each with its words in the four languages (any spelling; folded before use). */
    private static final String[][] COMMON = {
        {"america", "America", "American", "US", "United States", "Washington", "أمريكا", "أميركا", "الأمريكي", "الولايات المتحدة",
            "واشنطن", "آمریکا", "امریکا", "آمریکایی", "واشنگتن", "امریکہ", "امریکی"},
        {"russia", "Russia", "Russian", "Moscow", "روسيا", "الروسي", "موسكو", "روسیه", "روس", "مسکو", "روسی", "ماسکو"},
        {"china", "China", "Chinese", "Beijing", "الصين", "الصيني", "بكين", "چین", "چینی", "پکن", "بیجنگ"},
        {"europe", "Europe", "European", "Western", "West", "أوروبا", "الأوروبي", "الغرب", "الغربية", "الغربي", "اروپا", "اروپایی",
            "غرب", "غربی", "یورپ", "یورپی", "مغرب", "مغربی"},
        {"region", "region", "regional", "المنطقة", "الإقليمية", "منطقه", "منطقه‌ای", "خطے", "علاقائی"},
        {"sanctions", "sanction", "sanctions", "sanctioned", "الحظر", "العقوبات", "حظر", "تحریم", "تحریم‌ها", "پابندی", "پابندیوں",
            "پابندیاں"},
        {"agreements", "agreement", "agreements", "الاتفاقات", "الاتفاقيات", "اتفاق", "توافق", "توافقات", "توافقنامه", "سمجھوتوں",
            "سمجھوتے", "معاہدے"},
        {"cooperation", "cooperation", "cooperate", "التعاون", "تعاون", "همکاری", "همکاریها"},
        {"trade", "trade", "economic", "economy", "التجارة", "التجاري", "الاقتصادي", "الاقتصادية", "تجارت", "اقتصادی", "اقتصاد",
            "تجارتی"},
        {"science", "science", "technology", "scientific", "العلم", "العلوم", "التكنولوجيا", "علم", "فناوری", "علمی", "سائنس",
            "ٹیکنالوجی"},
        {"nuclear", "nuclear", "النووي", "النووية", "هسته‌ای", "هستهای", "ایٹمی", "جوہری", "نیوکلیائی"},
        {"corridor", "corridor", "الممر", "ممر", "کریدور", "خط عبور", "کوریڈور", "راہداری"},
        {"spirituality", "spirituality", "spiritual", "الروحانية", "الروحية", "معنویت", "معنوی", "روحانیت"},
        {"friends", "friend", "friends", "الأصدقاء", "صديق", "دوستان", "دوست", "دوستوں"},
        {"progress", "progress", "advances", "achievements", "التقدم", "تقدم", "إنجازات", "پیشرفت", "دستاورد", "ترقی", "کامیابی"},
        {"relations", "relations", "relationship", "العلاقات", "علاقات", "روابط", "رابطه", "تعلقات"},
        {"palestine", "Palestine", "Palestinian", "Gaza", "فلسطين", "الفلسطيني", "غزة", "فلسطین", "فلسطینی", "غزه", "غزہ"},
        {"israel", "Israel", "Zionist", "إسرائيل", "الصهيوني", "الكيان", "اسرائیل", "صهیونیستی", "صهیونیست", "صیہونی", "اسرائیلی"},
        {"war", "war", "الحرب", "حرب", "جنگ"},
        {"peace", "peace", "السلام", "صلح", "امن"},
        {"security", "security", "الأمن", "أمن", "امنیت", "سلامتی"},
        {"terrorism", "terrorism", "terrorist", "الإرهاب", "إرهاب", "تروریسم", "تروریست", "دہشت"},
        {"ukraine", "Ukraine", "أوكرانيا", "اوکراین", "یوکرین"},
        {"iraq", "Iraq", "Iraqi", "العراق", "العراقي", "عراق", "عراقی"},
        {"pakistan", "Pakistan", "باكستان", "پاکستان"},
        {"afghanistan", "Afghanistan", "أفغانستان", "افغانستان"},
        {"cuba", "Cuba", "Cuban", "كوبا", "کوبا", "کیوبا"},
        {"syria", "Syria", "سوريا", "سورية", "سوریه", "شام"},
        {"energy", "energy", "oil", "gas", "الطاقة", "النفط", "الغاز", "انرژی", "نفت", "گاز", "توانائی", "تیل", "گیس"},
        {"independence", "independence", "independent", "الاستقلال", "المستقلة", "استقلال", "مستقل", "خودمختاری"},
        {"unilateralism", "unilateralism", "unilateral", "الأحادية", "یکجانبه‌گرایی", "یکجانبه", "یکطرفہ"},
        {"world", "world", "global", "international", "العالم", "الدولي", "الدولية", "جهان", "دنیا", "بین‌المللی", "بینالمللی",
            "عالمی"},
        {"capacity", "capacity", "capacities", "potential", "القدرات", "قدرات", "سعة", "ظرفیت", "ظرفیتها", "گنجائش", "صلاحیتوں"},
        {"meeting", "meeting", "meetings", "الاجتماعات", "لقاء", "جلسات", "دیدار", "نشستوں", "ملاقات"},
        {"visit", "visit", "trip", "زيارة", "سفر", "دورے", "دورہ"},
        {"two", "two", "both", "الجانبين", "البلدين", "الطرفين", "دو", "دوطرفه", "دونوں", "فریقین"},
        {"twelve", "twelve", "12", "الاثنتي عشرة", "دوازده", "بارہ"},
        {"common", "common", "commonalities", "shared", "القواسم المشتركة", "المشتركة", "مشترک", "مشترکات", "اشتراکات", "مشترکہ"},
        {"weapon", "weapon", "weapons", "حربة", "سلاح", "حربه", "ہتھکنڈے", "ہتھیار"},
        {"bully", "bully", "bullies", "bullying", "الاستبدادية", "الاستكبار", "قلدر", "زورگویی", "استکبار", "غنڈہ"},
        {"will", "will", "spirit", "determination", "determined", "الإرادة", "الروحية", "عازم", "مصممون", "اراده", "روحیه", "مصمم",
            "عزم", "جذبہ"},
        {"timeframe", "time frame", "timetable", "schedule", "زمني", "زمانبندی", "ٹائم ٹیبل", "جدول زمني"},
        {"implementation", "implement", "implemented", "implementation", "operationalizing", "تنفيذ", "التنفيذ", "سننفذ", "اجرا",
            "اجرایی", "عملی", "عملی جامہ", "نفاذ"},
        {"revolution", "revolution", "الثورة", "انقلاب"},
        {"islamic-republic", "Islamic Republic", "الجمهورية الإسلامية", "جمهورية إيران الإسلامية", "جمهوری اسلامی", "اسلامی جمہوریہ"},
        {"purpose", "purpose", "aim", "goal", "هدف", "هدفي", "مقصد", "غرض"},
        {"chapter", "chapter", "page", "صفحة", "صفحه", "باب"},
        {"opportunity", "opportunity", "chance", "فرصة", "فرصت", "موقع"},
        {"experience", "experience", "experiences", "strides", "تجارب", "تجربیات", "تجربے"},
        {"benefit", "benefit", "benefits", "interest", "مصلحة", "منافع", "نفع", "مفاد", "فوائد", "فائدہ"},
        {"country", "nations", "peoples", "الشعوب", "ملتها", "ملت", "اقوام", "قوموں"},
        {"need", "need", "needs", "بحاجة", "نیازمند", "نیاز", "ضرورت"},
        {"abilities", "abilities", "inherent", "internal", "الداخلية", "درونی", "داخلی", "توانایی", "تواناییها", "توانائیوں"},
        {"medicine", "medicine", "medical", "biology", "الطب", "البيولوجيا", "پزشکی", "بیولوژیک", "میڈیکل", "بایولوجی"},
        {"space", "aerospace", "الجو-فضاء", "فضاء", "هوا-فضا", "فضا", "ایرواسپیس"},
        {"nano", "nano", "nanotechnology", "النانو", "نانو", "نینو"},
        {"victory", "victory", "انتصار", "پیروزی", "کامیابی"},
        {"situation", "situation", "circumstances", "conditions", "الوضع", "ظروف", "شرایط", "حالات", "صورتحال"},
        {"true", "real", "true", "fake", "الحقيقيين", "واقعی", "حقیقی", "سچے", "جھوٹے"},
        {"roadmap", "roadmap", "road map", "خارطة طريق", "خريطة طريق", "نقشه راه", "روڈ میپ"},
        {"pleasure", "pleasure", "pleased", "happy", "glad", "سرور", "سروره", "سعادته", "خرسندی", "مسرت", "خوشی"},
    };

    /** The prefix of a topic's concept: {@code t:sanctions}. */
    static final String TOPIC = "t:";

    private record Entry(String concept, List<String> terms) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final SpeakerIndex speakers;

    Concepts(Catalogue catalogue, SpeakerIndex speakers) {
        this.speakers = speakers;
        for (String[] row : COMMON) {
            for (int k = 1; k < row.length; k++) {
                add("c:" + row[0], row[k]);
            }
        }
        for (Catalogue.TopicWords topic : catalogue.topics()) {
            topic.labels().values().forEach(label -> add(TOPIC + topic.id(), label));
        }
    }

    private void add(String concept, String words) {
        List<String> terms = Tokens.terms(words, Analysis.JOINED).stream().map(SpeakerIndex::bare).toList();
        if (!terms.isEmpty()) {
            entries.add(new Entry(concept, terms));
        }
    }

    /** The concepts a stretch of a report speaks of: speakers, topics, numbers and the common places and subjects. */
    Set<String> of(String lang, String text) {
        List<Token> tokens = Tokens.of(text, Analysis.JOINED);
        Set<String> found = new HashSet<>();
        for (SpeakerIndex.Named named : speakers.find(lang, text, tokens, List.of())) {
            if (named.id() != null) {
                found.add("s:" + named.id());
            }
        }
        List<String> words = tokens.stream().map(token -> SpeakerIndex.bare(token.term())).toList();
        for (String word : words) {
            if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                found.add("n:" + word);
            }
        }
        for (Entry entry : entries) {
            if (contains(words, entry.terms())) {
                found.add(entry.concept());
            }
        }
        return found;
    }

    private static boolean contains(List<String> words, List<String> terms) {
        for (int i = 0; i + terms.size() <= words.size(); i++) {
            boolean all = true;
            for (int k = 0; k < terms.size() && all; k++) {
                all = matches(words.get(i + k), terms.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String word, String term) {
        if (word.equals(term) || word.equals("و" + term)) {
            return true;
        }
        return term.length() >= 4 && word.startsWith(term) && word.length() <= term.length() + 4;
    }
}
