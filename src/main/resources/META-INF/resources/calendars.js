// Dates in the reader's calendar: the ISO date as stored and, beside it, the Solar Hijri date for a Persian reader and
// the Hijri (Umm al-Qura) date for an Arabic one: the calendars ICU calls persian and islamic-umalqura, which the
// feeds' titles use too.

import {el} from './dom.js';

/** Reader's language → the calendar shown beside the ISO date, as a BCP 47 locale with its calendar extension. */
const CALENDARS = {
    fa: {locale: 'fa-IR-u-ca-persian', lang: 'fa', dir: 'rtl'},
    ar: {locale: 'ar-u-ca-islamic-umalqura', lang: 'ar', dir: 'rtl'},
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formats = new Map();

function format(locale) {
    if (!formats.has(locale)) {
        // UTC on both sides: a date-only value is the same day for a reader in any time zone.
        formats.set(locale, new Intl.DateTimeFormat(locale, {timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric'}));
    }
    return formats.get(locale);
}

/** Midnight UTC of an ISO date (yyyy-mm-dd), or null when the text is not a real date (2023-02-30 included). */
function utcDate(isoDate) {
    const match = ISO_DATE.exec(isoDate ?? '');
    if (!match) {
        return null;
    }
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years below 100 as they are
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return null;
    }
    return date;
}

/**
 * The date in the calendar of the reader's language ({text, lang, dir}: Solar Hijri for fa, Hijri for ar), or null
 * for any other language, a value that is not a date, or a browser without that calendar.
 */
export function inReadersCalendar(isoDate, readerLang) {
    const calendar = CALENDARS[readerLang];
    const date = calendar ? utcDate(isoDate) : null;
    if (!date) {
        return null;
    }
    const formatter = format(calendar.locale);
    if (formatter.resolvedOptions().calendar !== calendar.locale.split('-u-ca-')[1]) {
        return null; // the browser knows no such calendar: the ISO date alone is better than a wrong one
    }
    return {text: formatter.format(date), lang: calendar.lang, dir: calendar.dir};
}

/**
 * A {@code <time datetime="2023-03-13">} showing the ISO date and, for a Persian or Arabic reader, the date in their
 * calendar in its own element with its language and direction: 2023-03-13 (۲۲ اسفند ۱۴۰۱).
 */
export function dateElement(isoDate, readerLang) {
    const other = inReadersCalendar(isoDate, readerLang);
    if (!other) {
        return el('time', {datetime: isoDate}, isoDate);
    }
    return el('time', {datetime: isoDate}, isoDate, ' (',
        el('span', {class: 'calendar-date', lang: other.lang, dir: other.dir}, other.text), ')');
}
