package org.dicta.finder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.search.Analysis;
import org.dicta.search.Tokens;

/**
 * The words the finder reads by, in Arabic, Persian, English and Urdu: speech verbs and how each marks its statement,
 * complementisers, pronouns that refer back to a speaker, words of the first person, and prepositions that make a name
 * an object rather than a speaker. Every entry is folded with the search analysis ({@link Tokens}), so «تأکید»,
 * «تاکید» and «تاكيد» are one entry, and matched against a report's folded tokens.
 */
final class Lexicon {

    /** A cue phrase: its folded words and how it marks its statement. */
    record Phrase(List<String> terms, Cue cue) {
    }

    private static final Map<String, List<Phrase>> CUES = new HashMap<>();
    private static final Map<String, Set<List<String>>> COMPLEMENTISERS = new HashMap<>();
    /** Verbs of saying that mark nothing without a colon, a complementiser or a quotation (said, قال, گفت, کہا). */
    private static final Map<String, Set<List<String>>> BARE = new HashMap<>();
    private static final Map<String, Set<String>> PRONOUNS = new HashMap<>();
    private static final Map<String, Set<String>> FIRST_PERSON = new HashMap<>();
    private static final Map<String, Set<String>> THIRD_PERSON = new HashMap<>();
    private static final Map<String, Set<String>> OBJECT_MARKERS = new HashMap<>();
    private static final Set<String> HONORIFICS = new HashSet<>();
    private static final Set<String> CONJUNCTIONS = new HashSet<>();
    /** Urdu's ergative «نے», folded: the person named before it is the one who speaks. */
    static final String ERGATIVE = fold("ur", "نے").get(0);

    static {
        for (String honorific : new String[] {"Mr", "Mrs", "Ms", "Dr", "السيد", "السيدة", "الدكتور", "آقای", "آقا", "خانم",
            "دکتر", "جناب", "حضرت", "سید", "محترم"}) {
            HONORIFICS.addAll(fold("fa", honorific));
        }
        for (String conjunction : new String[] {"and", "then", "also", "further", "و", "اور", "همچنین", "نیز", "پھر"}) {
            CONJUNCTIONS.addAll(fold("fa", conjunction));
        }
        english();
        arabic();
        persian();
        urdu();
    }

    private Lexicon() {
    }

    private static void english() {
        cues("en", Cue.SAY, "said", "says", "say", "stated", "states", "added", "adds", "stressed", "stresses", "emphasized",
                "emphasised", "emphasizes", "emphasises", "went on to emphasize", "went on to say", "went on to add",
                "underlined", "underscored", "noted", "notes", "remarked", "told", "declared", "announced", "asserted",
                "explained", "pointed out", "maintained", "insisted", "warned", "argued", "believed", "believes",
                "concluded", "concluded his statements by saying", "affirmed", "reiterated", "acknowledged", "observed",
                "continued", "mentioned", "highlighted", "commented", "wrote", "tweeted", "replied", "responded",
                "answered", "suggested", "claimed", "confirmed", "saying", "adding", "stressing", "noting",
                "emphasizing", "emphasising", "asserting", "declaring", "explaining", "warning", "insisting",
                "recalled", "predicted", "expressed hope", "expressed the hope", "expressing hope", "urged",
                "called on", "urging", "raised the issue", "thinks", "think", "considered", "considers", "voiced hope");
        cues("en", Cue.CLAUSE_AFTER, "expressed", "expressing", "praised", "praising", "welcomed", "welcoming",
                "called for", "calling for", "condemned", "condemning", "hailed", "hailing", "thanked", "thanking",
                "criticized", "criticised", "criticizing", "criticising", "denounced", "described", "describing",
                "denied", "rejected", "lauded", "appreciated", "voiced", "deplored", "invited", "proposed", "demanded",
                "agreed to", "agreed on", "agreed that", "evaluated", "positively evaluated", "reviewed", "extended",
                "referred to", "considered", "reaffirmed", "conveyed", "touched upon", "touched on", "commended",
                "congratulated", "felicitated", "offered condolences", "expressed satisfaction", "expressed concern",
                "assured", "pledged", "vowed", "recognized", "recognised", "regarded", "termed", "called", "labelled",
                "labeled", "hoped", "expressed his hope", "expressed her hope", "stressing the need", "reiterating",
                "reaffirming", "highlighting", "underscoring", "calling", "offering", "appreciating", "admiring",
                "admired", "valued", "urging", "spoke about", "spoke of", "talked about", "speaking about", "pointed to",
                "touched on the", "elaborated on", "discussed the need");
        bare("en", "said", "says", "say", "told", "added", "adds", "continued", "went on to say", "went on to add",
                "replied", "responded", "answered", "wrote", "tweeted", "saying", "adding", "stated", "states", "believed",
                "believes", "think", "thinks", "declared", "announced", "asserted", "explained", "argued", "claimed",
                "suggested", "maintained", "insisted", "warned", "concluded", "concluded his statements by saying",
                "mentioned", "commented", "observed", "confirmed", "predicted", "recalled", "explaining", "declaring",
                "asserting", "warning", "insisting", "noting", "voiced hope", "expressed hope", "expressed the hope",
                "expressing hope", "raised the issue", "considers", "considered");
        cues("en", Cue.REFERENCE, "referring to", "alluding to", "pointing to", "in reference to", "with reference to");
        complementisers("en", "that");
        words(PRONOUNS, "en", "he", "she");
        words(FIRST_PERSON, "en", "i", "we", "our", "us", "my", "me");
        words(THIRD_PERSON, "en", "he", "she", "his", "her", "they", "their");
        words(OBJECT_MARKERS, "en", "met", "with", "to", "by", "of", "from", "received", "meeting", "receiving",
                "told", "for", "on", "against", "between", "visited", "thanked", "invited");
    }

    private static void arabic() {
        cues("ar", Cue.SAY, withConjunctions("قال", "قالت", "قالوا", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "أكد", "أكدت",
                "يؤكد", "تؤكد", "شدد", "شددت", "يشدد", "أوضح", "أوضحت", "يوضح", "أشار", "أشارت", "يشير", "لفت", "لفتت",
                "اعتبر", "اعتبرت", "يعتبر", "رأى", "رأت", "يرى", "أعلن", "أعلنت", "يعلن", "صرح", "صرحت", "تابع", "تابعت",
                "واصل", "واصلت", "نوه", "نوهت", "ذكر", "ذكرت", "أفاد", "أفادت", "أردف", "أكمل", "استطرد", "اختتم",
                "قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "معتبرا", "لافتا", "موضحا",
                "مشددا", "منوها", "مبينا", "متابعا", "مستطردا", "دعا", "دعت", "داعيا", "طالب", "طالبت", "مطالبا",
                "حذر", "حذرت", "محذرا", "يعتقد", "نعتقد", "أعرب عن اعتقاده", "توقع", "ختم"));
        bare("ar", withConjunctions("قال", "قالت", "قالوا", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "تابع", "تابعت", "واصل",
                "واصلت", "أردف", "أكمل", "استطرد", "اختتم", "قائلا", "قائلة", "مضيفا", "مضيفة", "متابعا", "مستطردا", "ختم",
                "يعتقد", "نعتقد"));
        cues("ar", Cue.CLAUSE_AFTER, withConjunctions("تحدث", "تحدثت", "متحدثا", "تكلم", "استعرض", "اتفق", "اتفقا", "اتفق الجانبان", "أبدى", "أبدت", "مبديا",
                "جدد", "جددت", "مجددا", "ثمّن", "أثنى", "مثنيا", "هنأ", "قدم", "تقدم", "تناول", "متناولا", "أعرب عن ارتياحه",
                "أعرب عن قلقه", "أعرب عن تقديره"));
        cues("ar", Cue.CLAUSE_AFTER, withConjunctions("أعرب عن أمله", "معربا عن أمله", "أعرب عن ثقته", "عبر عن أمله", "أعرب", "أعربت", "معربا", "معربة", "عبر", "عبرت", "معبرا", "وصف",
                "وصفت", "واصفا", "أشاد", "أشادت", "مشيدا", "رحب", "رحبت", "مرحبا", "أدان", "أدانت", "مدينا", "انتقد",
                "انتقدت", "منتقدا", "ندد", "منددا", "شكر", "شاكرا", "نفى", "نفت", "نافيا", "رفض", "رافضا", "ثمن",
                "ثمنت", "مثمنا"));
        cues("ar", Cue.REFERENCE, withConjunctions("بالإشارة إلى", "في إشارة إلى", "إشارة إلى", "تطرق إلى",
                "متطرقا إلى"));
        complementisers("ar", "أن", "إن", "بأن", "بأنه", "بأنها", "أنه", "أنها", "إنه", "إنها", "بأنهم", "أنهم", "إنهم",
                "إلى أن", "على أن", "أننا", "إننا", "إلى أنه", "إلى أنها");
        words(PRONOUNS, "ar", "سماحته", "فخامته", "معاليه", "دولته");
        words(FIRST_PERSON, "ar", "نحن", "أنا", "إننا", "أننا", "لنا", "بلادنا", "نعتقد", "نريد", "سننفذ", "جئت",
                "هدفي", "إنني", "أنني", "ونحن", "ونعتقد");
        words(THIRD_PERSON, "ar", "أنه", "إنه", "بلاده", "هو", "هي", "أنها", "إنها");
        words(OBJECT_MARKERS, "ar", "مع", "لقائه", "استقباله", "بلقاء", "لقاء", "إلى", "من",
                "عن", "على", "بين", "لـ", "ضد");
    }

    private static void persian() {
        String[] says = {"گفت", "گفتند", "گفته است", "گفته", "افزود", "افزودند", "تاکید کرد", "تاکید کردند", "تأکید کرد",
            "خاطرنشان کرد", "خاطرنشان کردند", "خاطر نشان کرد", "خاطر نشان کردند", "اظهار داشت", "اظهار داشتند",
            "اظهار کرد", "اظهار کردند", "بیان کرد", "بیان کردند", "بیان داشت", "تصریح کرد", "تصریح کردند",
            "اعلام کرد", "اعلام کردند", "یادآور شد", "یادآور شدند", "یادآوری کرد", "یادآوری کردند", "اشاره کرد",
            "اشاره کردند", "عنوان کرد", "عنوان کردند", "ادامه داد", "ادامه دادند", "گفت‌وگو کرد", "می‌گوید",
            "می‌گویند", "نوشت", "هشدار داد", "هشدار دادند", "اضافه کرد", "اضافه کردند", "تاکید دارد", "معتقد است",
            "معتقدند", "خواستار شد", "خواستار شدند", "تأکید نمود", "اظهار امیدواری کرد", "ابراز امیدواری کرد",
            "ابراز امیدواری کردند", "ابراز داشت", "اذعان کرد", "تشریح کرد", "توضیح داد", "پاسخ داد", "ابراز کرد",
            "ابراز کردند", "گفتند و", "در ادامه گفت"};
        cues("fa", Cue.SAY, says);
        bare("fa", "گفت", "گفتند", "گفته است", "گفته", "افزود", "افزودند", "ادامه داد", "ادامه دادند", "گفتند و", "در ادامه گفت",
                "می‌گوید", "می‌گویند", "نوشت", "پاسخ داد", "اضافه کرد", "اضافه کردند");
        cues("fa", Cue.CLAUSE_BEFORE, "دانست", "دانستند", "برشمرد", "برشمردند", "خواند", "خواندند", "توصیف کرد",
                "توصیف کردند", "ارزیابی کرد", "ارزیابی کردند", "قلمداد کرد", "قلمداد کردند", "تلقی کرد", "تلقی کردند",
                "ستود", "ستودند", "محکوم کرد", "محکوم کردند", "رد کرد", "رد کردند", "استقبال کرد", "استقبال کردند",
                "قدردانی کرد", "قدردانی کردند", "تشکر کرد", "تشکر کردند", "ابراز خرسندی کرد", "ابراز خرسندی کردند",
                "را خواستار شد", "را خواستار شدند", "را ضروری دانست", "را ضروری دانستند", "انتقاد کرد", "انتقاد کردند",
                "خوش‌آمد گفت", "خوش‌آمد گفتند", "خیرمقدم گفت", "تقدیر کرد", "تقدیر کردند", "حمایت کرد", "حمایت کردند",
                "اعلام آمادگی کرد", "اعلام آمادگی کردند", "مورد تاکید قرار داد", "مورد تاکید قرار دادند", "را مطرح کرد",
                "را مطرح کردند", "ابراز امیدواری کرد", "ابراز امیدواری کردند", "ابراز نگرانی کرد", "ابراز تاسف کرد",
                "ابراز همدردی کرد", "تبریک گفت", "تسلیت گفت", "را یادآور شد", "را یادآور شدند", "یاد کرد", "یاد کردند",
                "را مهم دانست", "را مهم دانستند");
        cues("fa", Cue.CLAUSE_AFTER, "با ابراز", "ضمن ابراز", "با تقدیر از", "ضمن تقدیر از", "با تشکر از", "ضمن تشکر از",
                "با استقبال از", "ضمن استقبال از", "با انتقاد از", "ضمن انتقاد از", "با محکوم کردن");
        cues("fa", Cue.REFERENCE, "با اشاره به", "ضمن اشاره به", "با یادآوری", "با بیان اینکه", "با تاکید بر",
                "ضمن تاکید بر", "با اشاره");
        complementisers("fa", "که", "اینکه");
        words(PRONOUNS, "fa", "ایشان", "وی", "او", "معظم‌له");
        words(FIRST_PERSON, "fa", "من", "ما", "ماست", "کشورمان", "معتقدیم", "هستیم", "کنیم", "داریم", "خواهیم", "بنده",
                "آمده‌ام", "هستم", "ایم", "دارم", "کنم", "کردیم", "داشتیم", "بودیم", "می‌کنیم", "می‌دانیم", "نمی‌کنیم");
        words(THIRD_PERSON, "fa", "وی", "او", "ایشان", "کشورش");
        words(OBJECT_MARKERS, "fa", "با", "از", "به", "دیدار", "برای", "در", "همراه", "میزبان", "را", "نزد",
                "پذیرفت", "ملاقات");
    }

    private static void urdu() {
        cues("ur", Cue.SAY, "کہا", "نے کہا", "کہی", "کہتے", "کہتے ہوئے", "کا کہنا تھا", "کا کہنا ہے", "فرمایا",
                "زور دیا", "زور دے کر کہا", "زور دے کر کہی", "اشارہ کیا", "واضح کیا", "اعلان کیا", "یقین دلایا",
                "مطالبہ کیا", "تاکید کی", "خیال ظاہر کیا", "امید ظاہر کی", "امید ظاہر کرتے ہوئے", "بیان کیا",
                "وضاحت کی", "نشاندہی کی", "انتباہ کیا", "خبردار کیا", "یاد دلایا", "بات بھی زور دے کر کہی",
                "یہ بات بھی زور دے کر کہی", "لکھا", "بتاتے ہوئے", "کہنا تھا");
        bare("ur", "کہا", "نے کہا", "کہی", "کہتے", "کہتے ہوئے", "کا کہنا تھا", "کا کہنا ہے", "فرمایا", "کہنا تھا", "لکھا");
        cues("ur", Cue.CLAUSE_BEFORE, "اظہار تشکر کیا", "روشنی ڈالی", "پر روشنی ڈالی", "جائزہ لیا", "کا جائزہ لیا",
                "اتفاق کیا", "پر اتفاق کیا", "اعادہ کیا", "کا اعادہ کیا", "اجاگر کیا", "کو اجاگر کیا", "دہراتے ہوئے",
                "زور دیتے ہوئے", "خوش آمدید کہا", "مبارکباد دی", "یقین دہانی کرائی", "حمایت کی", "کی حمایت کی",
                "شکریہ ادا کیا", "اطمینان کا اظہار کیا", "تشویش کا اظہار کیا", "امید کا اظہار کیا",
                "خواہش کا اظہار کیا", "عزم کا اظہار کیا", "کا عزم ظاہر کیا", "تعریف کی", "مذمت کی", "دعوت دی",
                "کی دعوت دی", "پیشکش کی", "کی پیشکش کی", "یاد کیا", "بتایا", "قرار دیا", "قرار دیتے ہوئے", "کا اظہار کیا", "کا اظہار کرتے ہوئے",
                "کی تعریف کی", "کی تعریف کرتے ہوئے", "کی مذمت کی", "کی مذمت کرتے ہوئے", "کا خیرمقدم کیا",
                "کا خیر مقدم کیا", "کا شکریہ ادا کیا", "کو سراہا", "کو سراہتے ہوئے", "کی ضرورت پر زور دیا",
                "پر زور دیا", "کو مسترد کیا", "کو مسترد کر دیا");
        cues("ur", Cue.REFERENCE, "کی طرف اشارہ کرتے ہوئے", "کی جانب اشارہ کرتے ہوئے", "کا ذکر کرتے ہوئے",
                "کا حوالہ دیتے ہوئے");
        complementisers("ur", "کہ");
        words(PRONOUNS, "ur", "انھوں", "انہوں", "انھون", "انہون", "وہ", "آپ");
        // «ہوں» is the first person singular of «to be» (کرتا ہوں, چاہتا ہوں); «میں» is also «in», so it does not count.
        words(FIRST_PERSON, "ur", "ہم", "ہمارا", "ہمارے", "ہماری", "میرا", "میری", "میرے", "ہمیں", "مجھے", "ہوں", "ہمارے لیے");
        words(THIRD_PERSON, "ur", "وہ", "ان کے", "ان کی", "ان کا", "انھیں", "انہیں", "انہوں", "انھوں");
        words(OBJECT_MARKERS, "ur", "سے", "کو", "کے", "کی", "کا", "ساتھ", "اور", "ملاقات", "میں");
    }

    private static String[] withConjunctions(String... verbs) {
        List<String> forms = new ArrayList<>();
        for (String verb : verbs) {
            forms.add(verb);
            forms.add("و" + verb);
            forms.add("ف" + verb);
        }
        return forms.toArray(String[]::new);
    }

    private static void cues(String lang, Cue cue, String... phrases) {
        List<Phrase> list = CUES.computeIfAbsent(lang, key -> new ArrayList<>());
        for (String phrase : phrases) {
            List<String> terms = fold(lang, phrase);
            if (terms.isEmpty()) {
                continue;
            }
            list.add(new Phrase(terms, cue));
            // Persian and Urdu texts often drop the space between a noun and its light verb: «اظہارکیا», «تاکیدکرد».
            if ((lang.equals("fa") || lang.equals("ur")) && terms.size() >= 2) {
                List<String> glued = new ArrayList<>(terms.subList(0, terms.size() - 2));
                glued.add(terms.get(terms.size() - 2) + terms.get(terms.size() - 1));
                list.add(new Phrase(glued, cue));
            }
        }
        list.sort((a, b) -> b.terms().size() - a.terms().size());
    }

    private static void bare(String lang, String... phrases) {
        Set<List<String>> set = BARE.computeIfAbsent(lang, key -> new HashSet<>());
        for (String phrase : phrases) {
            set.add(fold(lang, phrase));
        }
    }

    /** Whether a verb of saying marks nothing by itself (said, قال, گفت, کہا), as «stressed X» or «بر X تاکید کرد» do. */
    static boolean bare(String lang, List<String> terms) {
        return BARE.getOrDefault(lang, Set.of()).contains(terms);
    }

    private static void complementisers(String lang, String... phrases) {
        Set<List<String>> set = COMPLEMENTISERS.computeIfAbsent(lang, key -> new HashSet<>());
        for (String phrase : phrases) {
            set.add(fold(lang, phrase));
        }
    }

    private static void words(Map<String, Set<String>> into, String lang, String... phrases) {
        Set<String> set = into.computeIfAbsent(lang, key -> new HashSet<>());
        for (String phrase : phrases) {
            set.addAll(fold(lang, phrase));
        }
    }

    static List<String> fold(String lang, String phrase) {
        return Tokens.terms(phrase, Analysis.of(lang));
    }

    static Set<String> foldAll(String... words) {
        Set<String> set = new HashSet<>();
        for (String word : words) {
            set.addAll(fold("fa", word));
        }
        return set;
    }

    /** Whether a word is (or starts) a complementiser of a language. */
    static boolean complementiser(String lang, String term) {
        return complementisers(lang).stream().anyMatch(words -> words.get(0).equals(term));
    }

    /** Whether a word starts one of a language's cue phrases. */
    static boolean startsCue(String lang, String term) {
        return cues(lang).stream().anyMatch(phrase -> phrase.terms().get(0).equals(term));
    }

    /** The cue phrases of a language, longest first. */
    static List<Phrase> cues(String lang) {
        return CUES.getOrDefault(lang, List.of());
    }

    static Set<List<String>> complementisers(String lang) {
        return COMPLEMENTISERS.getOrDefault(lang, Set.of());
    }

    static boolean pronoun(String lang, String term) {
        return PRONOUNS.getOrDefault(lang, Set.of()).contains(term);
    }

    static boolean firstPerson(String lang, String term) {
        return FIRST_PERSON.getOrDefault(lang, Set.of()).contains(term);
    }

    static boolean thirdPerson(String lang, String term) {
        return THIRD_PERSON.getOrDefault(lang, Set.of()).contains(term);
    }

    static boolean honorific(String term) {
        return HONORIFICS.contains(term);
    }

    static boolean conjunction(String term) {
        return CONJUNCTIONS.contains(term);
    }

    static boolean objectMarker(String lang, String term) {
        return OBJECT_MARKERS.getOrDefault(lang, Set.of()).contains(term);
    }
}
