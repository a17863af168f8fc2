// Dicta explorer: search attributed quotes, read their variants side by side, check each against its source.
// Every piece of data goes into the page as text (textContent, text nodes, attributes), never as HTML.

import {dateElement} from './calendars.js';
import {ApiError, get, getNext} from './dicta-api.js';
import {el, highlighted} from './dom.js';
import {showFeed} from './feeds.js';
import {hideFinder, setCatalogue, showFinder} from './finder.js';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'speaker', 'meeting', 'lang', 'topic', 'mode', 'from', 'to'];

const form = document.getElementById('search');
const results = document.getElementById('results');
const heading = document.getElementById('results-heading');
const statusLine = document.getElementById('status');
const errorLine = document.getElementById('error');
const moreButton = document.getElementById('more');
const resultsSection = results.closest('section');
const skipLink = document.querySelector('.skip-link');

/** Language code → {englishName, nativeName, direction}, from /api/v1/languages. */
const languages = new Map();
/** Speaker, topic and meeting id → its English name, label or title, for headings and feed titles. */
const names = {speaker: new Map(), topic: new Map(), meeting: new Map()};
/** Source id → promise of the full source, fetched once per page view. */
const sources = new Map();
let nextPage = null;
let shown = 0;
let renderToken = 0;

function direction(lang) {
    return languages.get(lang)?.direction ?? 'auto';
}

function languageName(lang) {
    return languages.get(lang)?.englishName ?? lang;
}

/** The English label of a multilingual map, else its first entry. */
function english(map) {
    if (!map) {
        return '';
    }
    return map.en ?? Object.values(map)[0] ?? '';
}

function inLanguage(map, lang) {
    if (!map) {
        return '';
    }
    return map[lang] ?? english(map);
}

/**
 * The reader's language, which decides the calendar shown beside ISO dates (Persian: Solar Hijri, Arabic: Hijri): the
 * language the explorer shows quotes in, i.e. the search form's Language filter. It stays chosen when the reader opens
 * a quote from the results; with none chosen (all languages), dates are ISO dates alone. The page itself is in English
 * and the browser's own languages are not used, as for the quotes (the explorer asks for lang=all).
 */
function readerLanguage() {
    return form.elements.lang.value || null;
}

function permalink(quoteId) {
    return new URL(`#/quotes/${encodeURIComponent(quoteId)}`, location.href).href;
}

// ---- Loading the filters ----

async function getAll(path) {
    const items = [];
    let page = await get(path, {limit: 100});
    items.push(...page.items);
    while (page.next && items.length < 2000) {
        const link = new URL(page.next, document.baseURI);
        page = await get(path, Object.fromEntries(link.searchParams));
        items.push(...page.items);
    }
    return items;
}

function fillSelect(select, items, label, value = (item) => item.id) {
    const chosen = select.value;
    for (const item of items) {
        select.append(el('option', {value: value(item)}, label(item)));
    }
    select.value = chosen;
}

async function loadFilters() {
    const [languageList, speakers, meetings, topics] = await Promise.all([
        getAll('languages'), getAll('speakers'), getAll('meetings'), getAll('topics')]);
    for (const language of languageList) {
        languages.set(language.code, language);
    }
    fillSelect(form.elements.lang, languageList, (l) => `${l.englishName} (${l.nativeName})`, (l) => l.code);
    fillSelect(form.elements.speaker, speakers, (s) => english(s.names));
    fillSelect(form.elements.meeting, meetings, (m) => `${m.date ?? 'undated'} · ${english(m.titles)}`);
    fillSelect(form.elements.topic, topics, (t) => english(t.labels));
    speakers.forEach((s) => names.speaker.set(s.id, english(s.names)));
    topics.forEach((t) => names.topic.set(t.id, english(t.labels)));
    meetings.forEach((m) => names.meeting.set(m.id, english(m.titles)));
    setCatalogue({languages, speakers, meetings});
}

// ---- Messages ----

function showStatus(text) {
    statusLine.textContent = text;
}

/**
 * aria-busy on the result list while a request is under way; when done, data-view names the route shown (the hash),
 * so that scripts and tests can tell which view the list shows.
 */
function busy(value, view) {
    results.setAttribute('aria-busy', String(value));
    if (!value && view !== undefined) {
        results.dataset.view = view;
    }
}

function showError(error) {
    const message = error instanceof ApiError ? error.message : `Something went wrong in the page: ${error.message}`;
    errorLine.textContent = message;
    errorLine.hidden = false;
    showStatus('');
}

function clearError() {
    errorLine.textContent = '';
    errorLine.hidden = true;
}

// ---- Rendering quotes ----

function sourceLine(source) {
    const outlet = source.publisher ?? 'Publisher not named in the text';
    return el('p', {class: 'variant-source', lang: 'en', dir: 'ltr'},
        el('span', {class: 'label'}, 'Source: '),
        el('span', {class: 'outlet'}, outlet),
        source.headline ? ', ' : null,
        source.headline ? el('cite', {class: 'headline', lang: source.lang, dir: direction(source.lang)}, source.headline) : null,
        source.date ? ', ' : null,
        source.date ? dateElement(source.date, readerLanguage()) : null,
        ' · ',
        el('a', {class: 'source-link', href: `api/v1/sources/${encodeURIComponent(source.id)}`}, `document ${source.id}`));
}

function renderVariant(quote, variant) {
    const dir = direction(variant.lang);
    const panelId = `source-${variant.id}`;
    const showButton = el('button', {type: 'button', class: 'show-source', 'aria-expanded': 'false', 'aria-controls': panelId},
        'Show in source');
    const copyButton = el('button', {type: 'button', class: 'copy-citation'}, 'Copy citation');
    const copyStatus = el('span', {class: 'copy-status', 'aria-live': 'polite'});
    const panel = el('section', {class: 'source-view', id: panelId, hidden: true,
        'aria-label': `Source of the ${languageName(variant.lang)} report`, 'data-variant-id': variant.id});
    const section = el('section', {
            class: 'variant', lang: variant.lang, dir, 'data-variant-id': variant.id, 'data-lang': variant.lang,
            'aria-label': `${languageName(variant.lang)} report`},
        el('p', {class: 'variant-label', lang: 'en', dir: 'ltr'},
            el('span', {class: 'language'}, languageName(variant.lang)),
            el('span', {class: `mode mode-${variant.mode}`}, variant.mode === 'direct' ? 'direct quote' : 'indirect (reported)')),
        el('blockquote', {class: 'variant-text', lang: variant.lang, dir}, highlighted(variant.text, variant.highlights)),
        el('p', {class: 'variant-speaker', lang: variant.lang, dir}, '— ', inLanguage(quote.speaker.names, variant.lang)),
        variant.note ? el('p', {class: 'variant-note', lang: 'en', dir: 'ltr'}, el('span', {class: 'label'}, 'Note: '), variant.note) : null,
        sourceLine(variant.source),
        el('div', {class: 'variant-actions', lang: 'en', dir: 'ltr'}, showButton, copyButton, copyStatus));
    showButton.addEventListener('click', () => toggleSource(variant, showButton, panel));
    copyButton.addEventListener('click', () => copyCitation(quote, variant, copyStatus, section));
    return {section, panel};
}

function renderQuote(quote) {
    const headingId = `quote-heading-${quote.id}`;
    const meeting = quote.meeting;
    const variants = quote.variants.map((v) => renderVariant(quote, v));
    return el('li', {},
        el('article', {class: 'quote', id: `quote-${quote.id}`, 'data-quote-id': quote.id, 'aria-labelledby': headingId},
            el('header', {class: 'quote-header'},
                el('h3', {id: headingId, class: 'speaker'},
                    el('a', {class: 'speaker-link', href: searchHash({speaker: quote.speaker.id})}, english(quote.speaker.names))),
                el('p', {class: 'quote-meta'},
                    el('span', {class: 'meeting'}, english(meeting.titles)),
                    ' · ',
                    meeting.date ? dateElement(meeting.date, readerLanguage()) : 'undated'),
                quote.topics.length
                    ? el('ul', {class: 'topics', 'aria-label': 'Topics'}, ...quote.topics.map((t) =>
                        el('li', {}, el('a', {class: 'topic-link', href: searchHash({topic: t.id})}, english(t.labels)))))
                    : null),
            el('div', {class: 'variants'}, ...variants.map((v) => v.section)),
            // Full width under the variants: sources are long documents.
            el('div', {class: 'sources'}, ...variants.map((v) => v.panel)),
            el('footer', {class: 'quote-footer'},
                el('a', {class: 'permalink', href: `#/quotes/${encodeURIComponent(quote.id)}`}, 'Permalink'),
                el('span', {class: 'quote-id'}, ` quote ${quote.id}`))));
}

// ---- Show in source ----

function loadSource(id) {
    if (!sources.has(id)) {
        const request = get(`sources/${encodeURIComponent(id)}`);
        request.catch(() => sources.delete(id));
        sources.set(id, request);
    }
    return sources.get(id);
}

async function toggleSource(variant, button, panel) {
    if (button.getAttribute('aria-expanded') === 'true') {
        button.setAttribute('aria-expanded', 'false');
        button.textContent = 'Show in source';
        panel.hidden = true;
        return;
    }
    await openSource(variant, button, panel);
}

/** Shows the whole source text with exactly the variant's span (UTF-16 offsets, as JS string indices) marked. */
async function openSource(variant, button, panel) {
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'Hide source';
    panel.hidden = false;
    panel.replaceChildren(el('p', {class: 'loading', lang: 'en', dir: 'ltr'}, 'Loading the source…'));
    let source;
    try {
        source = await loadSource(variant.source.id);
    } catch (error) {
        panel.replaceChildren(el('p', {class: 'error', lang: 'en', dir: 'ltr', role: 'alert'},
            error instanceof ApiError ? error.message : String(error)));
        return;
    }
    const {start, end} = variant.span;
    const text = source.text;
    const mark = el('mark', {class: 'span', 'data-start': start, 'data-end': end}, text.slice(start, end));
    const body = el('div', {class: 'source-text', lang: source.lang, dir: direction(source.lang), tabindex: '0',
            'aria-label': `Full text of source ${source.id}`},
        text.slice(0, start), mark, text.slice(end));
    const matches = text.slice(start, end) === variant.text;
    const parts = [
        el('h4', {class: 'source-title', lang: 'en', dir: 'ltr'},
            `${languageName(variant.lang)} report in its source`,
            source.headline ? ': ' : '',
            source.headline ? el('cite', {lang: source.lang, dir: direction(source.lang)}, source.headline) : null),
        el('p', {class: 'source-info', lang: 'en', dir: 'ltr'},
            `Source ${source.id}${source.publisher ? ` (${source.publisher})` : ''}, `,
            source.date ? dateElement(source.date, readerLanguage()) : 'undated',
            `, ${source.length} characters; the quoted words are marked (characters ${start} to ${end}). `
            + `SHA-256 ${source.sha256}.`)];
    if (!matches) {
        parts.push(el('p', {class: 'error', lang: 'en', dir: 'ltr', role: 'alert'},
            'Warning: the source text at this span differs from the quote.'));
    }
    parts.push(body);
    panel.replaceChildren(...parts);
    mark.scrollIntoView({block: 'center', inline: 'nearest'});
}

// ---- Copy citation ----

function citationText(quote, variant) {
    const source = variant.source;
    const reported = [source.publisher ?? 'outlet not named', source.headline ? `“${source.headline}”` : null, source.date]
        .filter(Boolean).join(', ');
    // Quotation marks around the speaker's own words only: reported speech is the outlet's paraphrase.
    const words = variant.mode === 'direct' ? `“${variant.text}”` : variant.text;
    return `${inLanguage(quote.speaker.names, variant.lang)}: ${words} `
        + `(${variant.mode === 'direct' ? 'direct quote' : 'reported speech'}, ${languageName(variant.lang)}). `
        + `Source: ${reported} (Dicta source ${source.id}). `
        + `${english(quote.meeting.titles)}, ${quote.meeting.date ?? 'undated'}. `
        + `${permalink(quote.id)}`;
}

async function copyCitation(quote, variant, statusElement, section) {
    const text = citationText(quote, variant);
    try {
        await navigator.clipboard.writeText(text);
        statusElement.textContent = 'Citation copied.';
        return;
    } catch (e) {
        // No clipboard API or permission: try the older way, then let the reader copy it by hand.
    }
    const area = el('textarea', {class: 'citation-fallback', readonly: true, rows: '4', 'aria-label': 'Citation'});
    area.value = text;
    section.querySelector('.citation-fallback')?.remove();
    section.append(area);
    area.select();
    let copied = false;
    try {
        copied = document.execCommand('copy');
    } catch (e) {
        copied = false;
    }
    if (copied) {
        area.remove();
        statusElement.textContent = 'Citation copied.';
    } else {
        statusElement.textContent = 'Copying is blocked here: the citation is selected below, copy it with Ctrl+C.';
        area.focus();
    }
}

// ---- Views ----

function paramsFromForm() {
    const params = {};
    for (const name of FILTERS) {
        const value = form.elements[name].value.trim();
        if (value) {
            params[name] = value;
        }
    }
    return params;
}

function formFromParams(params) {
    for (const name of FILTERS) {
        form.elements[name].value = params[name] ?? '';
    }
}

/** The address of the search view of these filters: #/search?… (#/ for none). */
function searchHash(params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value)).toString();
    return query ? `#/search?${query}` : '#/';
}

/** The English names of a filter's ids (one or several, comma-separated), joined with "or" as the API combines them. */
function named(kind, ids) {
    return ids.split(',').map((id) => id.trim()).filter(Boolean)
        .map((id) => names[kind].get(id) ?? id).join(' or ');
}

/**
 * What a view's filters select, in words: "Direct quotes by Ali Khamenei on Sanctions in Persian, matching “x”, from
 * 2023-03-01 until 2023-03-31"; "All quotes" for none.
 */
function filtersInWords(params) {
    if (!Object.keys(params).length) {
        return 'All quotes';
    }
    const words = [{direct: 'Direct quotes', indirect: 'Reported quotes'}[params.mode] ?? 'Quotes'];
    if (params.speaker) {
        words.push(`by ${named('speaker', params.speaker)}`);
    }
    if (params.topic) {
        words.push(`on ${named('topic', params.topic)}`);
    }
    if (params.meeting) {
        words.push(`at ${named('meeting', params.meeting)}`);
    }
    if (params.lang) {
        words.push(`in ${languageName(params.lang)}`);
    }
    let text = words.join(' ');
    if (params.q) {
        text += `, matching “${params.q}”`;
    }
    if (params.from || params.to) {
        text += `, ${[params.from ? `from ${params.from}` : '', params.to ? `until ${params.to}` : ''].filter(Boolean).join(' ')}`;
    }
    return text;
}

/** The title of a view's feed, as feed readers list it: "Dicta: quotes by Ali Khamenei", "Dicta: all quotes". */
function feedTitle(params) {
    const words = filtersInWords(params);
    return `Dicta: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

/** The heading of a list: a speaker's or a topic's view names them; another search is "Search results". */
function listTitle(params) {
    if (params.speaker || params.topic) {
        return filtersInWords(params);
    }
    return Object.keys(params).length ? 'Search results' : 'Latest quotes';
}

function describe(count, more, params) {
    const filtered = Object.keys(params).length > 0;
    if (count === 0) {
        return filtered ? 'No quotes match this search.' : 'There are no quotes yet.';
    }
    const noun = count === 1 ? 'quote' : 'quotes';
    return `${count} ${noun} shown${more ? ', more available' : ''}.`;
}

/**
 * Shows one view in the results: a fresh start (heading, status, no results, no "more"), then what load() fetches,
 * rendered by show(). Only the newest view may render, report an error or end the busy state: an answer to a view the
 * reader has left is dropped.
 */
async function showView({title, status, view, load, show}) {
    const token = ++renderToken;
    clearError();
    heading.textContent = title;
    showStatus(status);
    results.replaceChildren();
    moreButton.hidden = true;
    moreButton.disabled = false;
    busy(true);
    try {
        const data = await load();
        if (token === renderToken) {
            show(data);
        }
    } catch (error) {
        if (token === renderToken) {
            showError(error);
        }
    } finally {
        if (token === renderToken) {
            busy(false, view);
        }
    }
}

function showList(params, view) {
    shown = 0;
    showFeed(params, feedTitle(params), true);
    return showView({
        title: listTitle(params),
        status: 'Searching…',
        view,
        load: () => get('quotes', {...params, limit: PAGE_SIZE}),
        show: page => appendPage(page, params),
    });
}

function appendPage(page, params) {
    results.append(...page.items.map(renderQuote));
    shown += page.items.length;
    nextPage = page.next;
    moreButton.hidden = !nextPage;
    moreButton.dataset.params = JSON.stringify(params);
    showStatus(describe(shown, Boolean(nextPage), params));
}

async function showMore() {
    if (!nextPage) {
        return;
    }
    const token = renderToken;
    const params = JSON.parse(moreButton.dataset.params ?? '{}');
    moreButton.disabled = true;
    busy(true);
    clearError();
    try {
        const firstNew = results.children.length;
        const page = await getNext(nextPage);
        if (token !== renderToken) {
            return;
        }
        appendPage(page, params);
        results.children[firstNew]?.querySelector('.permalink')?.focus({preventScroll: false});
    } catch (error) {
        if (token === renderToken) {
            showError(error);
        }
    } finally {
        // A newer view owns the button and the busy state now; it reset them when it started.
        if (token === renderToken) {
            moreButton.disabled = false;
            busy(false, results.dataset.view);
        }
    }
}

function showQuote(id, openVariantId, view) {
    showFeed({}, feedTitle({}), false);
    return showView({
        title: 'Quote',
        status: 'Loading the quote…',
        view,
        load: () => get(`quotes/${encodeURIComponent(id)}`),
        show: quote => {
            const item = renderQuote(quote);
            results.append(item);
            showStatus(`Quote by ${english(quote.speaker.names)} in ${quote.variants.length} `
                + `${quote.variants.length === 1 ? 'report' : 'reports'}.`);
            heading.focus({preventScroll: true});
            const variantSection = openVariantId
                ? item.querySelector(`.variant[data-variant-id="${CSS.escape(openVariantId)}"]`) : null;
            if (variantSection) {
                variantSection.querySelector('.show-source').click();
            }
        },
    });
}

/** A part of the address, decoded; as it is when it holds a malformed escape (a hand-edited link). */
function decoded(text) {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/** The search form and its results, or (for editors) the statement finder in their place. */
function showSearchArea(visible) {
    form.hidden = !visible;
    resultsSection.hidden = !visible;
    skipLink.setAttribute('href', visible ? '#results-heading' : '#finder-heading');
    skipLink.textContent = visible ? 'Skip to results' : 'Skip to the statement finder';
}

/**
 * Routes: #/quotes/{id}, #/quotes/{id}/variants/{variantId}/source, #/search?filters, #/find and #/find?meeting=id
 * (the statement finder, for editors), anything else: latest quotes.
 */
function route() {
    const hash = location.hash.replace(/^#/, '');
    if (hash === '/find' || hash.startsWith('/find?')) {
        renderToken++; // an answer to the view left behind is dropped
        showFeed({}, feedTitle({}), false);
        showSearchArea(false);
        showFinder(new URLSearchParams(hash.slice('/find?'.length)), location.hash);
        return;
    }
    hideFinder();
    showSearchArea(true);
    const quoteRoute = hash.match(/^\/quotes\/([^/?]+)(?:\/variants\/([^/?]+)\/source)?$/);
    if (quoteRoute) {
        showQuote(decoded(quoteRoute[1]), quoteRoute[2] ? decoded(quoteRoute[2]) : null, location.hash);
        return;
    }
    if (hash.startsWith('/search')) {
        const query = new URLSearchParams(hash.slice(hash.indexOf('?') + 1 || hash.length));
        const params = {};
        for (const name of FILTERS) {
            const value = query.get(name);
            if (value) {
                params[name] = value;
            }
        }
        formFromParams(params);
        showList(params, location.hash);
        return;
    }
    const quoteParameter = new URLSearchParams(location.search).get('quote');
    if (quoteParameter && !hash) {
        location.replace(`#/quotes/${encodeURIComponent(quoteParameter)}`);
        return;
    }
    formFromParams({});
    showList({}, location.hash);
}

function navigate(hash) {
    if (location.hash === hash) {
        route();
    } else {
        location.hash = hash;
    }
}

form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = paramsFromForm();
    navigate(searchHash(params));
});
form.addEventListener('reset', () => {
    // After the browser has cleared the fields.
    setTimeout(() => navigate('#/'), 0);
});
moreButton.addEventListener('click', showMore);
window.addEventListener('hashchange', route);

loadFilters()
    .catch((error) => showError(error))
    .finally(() => {
        document.documentElement.dataset.ready = 'true';
        route();
    });
