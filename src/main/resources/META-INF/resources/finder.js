// Dicta explorer, "Find statements" (for editors): the statement finder's proposals for a meeting's reports or for a
// pasted report, marked in the reports' texts, corrected by an editor and saved as quotes through the editorial API.
// The editor's token lives in one variable of this module: never in storage, a cookie or the address.
// Every piece of data goes into the page as text (textContent, text nodes, attributes), never as HTML.

import {ApiError, get, send} from './dicta-api.js';
import {el, highlighted} from './dom.js';

/** The languages the finder reads. */
const FINDER_LANGUAGES = ['ar', 'fa', 'en', 'ur'];

const section = document.getElementById('finder');
const heading = document.getElementById('finder-heading');
const tokenInput = document.getElementById('finder-token');
const reasonInput = document.getElementById('finder-reason');
const meetingForm = document.getElementById('finder-meeting-form');
const meetingSelect = document.getElementById('finder-meeting');
const pasteForm = document.getElementById('finder-paste-form');
const pasteLang = document.getElementById('finder-paste-lang');
const pasteMeeting = document.getElementById('finder-paste-meeting');
const pasteText = document.getElementById('finder-paste-text');
const statusLine = document.getElementById('finder-status');
const errorLine = document.getElementById('finder-error');
const resultsArea = document.getElementById('finder-results');
const reportsSection = resultsArea.querySelector('.finder-reports');
const reportsHeading = document.getElementById('finder-reports-heading');
const reportList = document.getElementById('finder-report-list');
const statementsSection = resultsArea.querySelector('.finder-statements');
const statementList = document.getElementById('finder-statement-list');

/** The editor's bearer token, as pasted: in this variable only, for the Authorization header of writes. */
let token = '';

/** Language code → {englishName, nativeName, direction}; speaker id → speaker; from the explorer's catalogue. */
let languages = new Map();
const speakers = new Map();

/**
 * What the finder shows: `kind` (meeting or pasted report), the meeting, the reports (key → {source, lang, text,
 * found}) and the statements as the editor has corrected them so far.
 */
let view = null;
let loadToken = 0;
let keys = 0;

const nextKey = () => `f${++keys}`;

function direction(lang) {
    return languages.get(lang)?.direction ?? (['ar', 'fa', 'ur'].includes(lang) ? 'rtl' : 'ltr');
}

function languageName(lang) {
    return languages.get(lang)?.englishName ?? lang;
}

function english(map) {
    if (!map) {
        return '';
    }
    return map.en ?? Object.values(map)[0] ?? '';
}

function quoteLink(id, className = 'quote-link') {
    return el('a', {class: className, href: `#/quotes/${encodeURIComponent(id)}`}, id);
}

// ---- The catalogue and the token ----

/** Fills the finder's selects from the explorer's catalogue (languages, speakers, meetings). */
export function setCatalogue(catalogue) {
    languages = catalogue.languages;
    for (const speaker of catalogue.speakers) {
        speakers.set(speaker.id, speaker);
    }
    for (const select of [meetingSelect, pasteMeeting]) {
        const chosen = select.value;
        for (const meeting of catalogue.meetings) {
            select.append(el('option', {value: meeting.id}, `${meeting.date ?? 'undated'} · ${english(meeting.titles)}`));
        }
        select.value = chosen;
    }
    fillLanguages();
}

function fillLanguages() {
    const chosen = pasteLang.value || 'en';
    pasteLang.replaceChildren(...FINDER_LANGUAGES.map((code) => {
        const language = languages.get(code);
        return el('option', {value: code}, language ? `${language.englishName} (${language.nativeName})` : code);
    }));
    pasteLang.value = chosen;
}

tokenInput.addEventListener('input', () => {
    token = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
});

function reason() {
    return reasonInput.value.trim() || undefined;
}

function speakerName(id) {
    return speakers.has(id) ? english(speakers.get(id).names) : id;
}

/** Who the finder thinks spoke: a catalogue speaker, a person as the report names them, or nobody. */
function speakerLabel(guess) {
    if (!guess) {
        return 'nobody found';
    }
    if (guess.id) {
        return speakerName(guess.id);
    }
    return guess.name ? `${guess.name} (not in the catalogue)` : 'someone the catalogue does not hold';
}

function modeLabel(mode) {
    return mode === 'direct' ? 'direct quote' : 'indirect (reported)';
}

// ---- Messages and loading ----

function showError(error) {
    errorLine.textContent = error instanceof ApiError ? error.message : `Something went wrong in the page: ${error.message}`;
    errorLine.hidden = false;
    statusLine.textContent = '';
}

function clearError() {
    errorLine.textContent = '';
    errorLine.hidden = true;
}

/**
 * Loads one view of the finder: aria-busy on the results while under way; when done, data-view names it and
 * data-loads counts the loads, so that scripts and tests can tell a new answer from the last. Only the newest load
 * may show its answer or its error.
 */
async function load({status, name, request, show}) {
    const mine = ++loadToken;
    clearError();
    view = null;
    render();
    statusLine.textContent = status;
    resultsArea.setAttribute('aria-busy', 'true');
    try {
        const data = await request();
        if (mine === loadToken) {
            show(data);
        }
    } catch (error) {
        if (mine === loadToken) {
            showError(error);
        }
    } finally {
        if (mine === loadToken) {
            resultsArea.setAttribute('aria-busy', 'false');
            resultsArea.dataset.view = name;
            resultsArea.dataset.loads = String(Number(resultsArea.dataset.loads ?? 0) + 1);
        }
    }
}

// ---- The two ways in ----

/** Shows the finder: #/find (the forms, and a pasted report's statements if any), or #/find?meeting=id. */
export function showFinder(params, hash) {
    section.hidden = false;
    const meeting = params.get('meeting');
    if (meeting) {
        if ([...meetingSelect.options].some((option) => option.value === meeting)) {
            meetingSelect.value = meeting;
        }
        load({
            status: 'Reading the meeting’s reports…',
            name: hash,
            request: () => loadMeeting(meeting),
            show: (data) => showLoaded(data),
        });
        return;
    }
    if (view?.kind !== 'report') {
        loadToken++;
        view = null;
        render();
        clearError();
        statusLine.textContent = '';
        resultsArea.setAttribute('aria-busy', 'false');
        resultsArea.dataset.view = hash;
    }
    heading.focus({preventScroll: true});
}

/** Leaves the finder; an answer still under way is dropped. What the editor corrected stays for their return. */
export function hideFinder() {
    section.hidden = true;
    loadToken++;
    resultsArea.setAttribute('aria-busy', 'false');
}

async function loadMeeting(id) {
    const found = await get(`meetings/${encodeURIComponent(id)}/candidates`);
    const texts = await Promise.all(found.reports.map((report) => get(`sources/${encodeURIComponent(report.source)}`)));
    const reports = found.reports.map((report, i) => ({
        key: nextKey(), source: report.source, lang: report.lang, text: texts[i].text, headline: texts[i].headline, found: report}));
    const bySource = new Map(reports.map((report) => [report.source, report]));
    const statements = found.statements.map((statement) => ({
        key: nextKey(),
        quote: statement.quote,
        confidence: statement.confidence,
        guess: statement.speaker,
        speaker: statement.draft?.speaker ?? statement.speaker?.id ?? '',
        draft: statement.draft,
        variants: statement.variants.map((variant) => ({
            key: nextKey(), report: bySource.get(variant.source)?.key, source: variant.source, lang: variant.lang,
            start: variant.span.start, end: variant.span.end, mode: variant.mode, cue: variant.cue, guess: variant.speaker,
            confidence: variant.confidence, held: variant.variant ?? null})),
        saved: null,
    }));
    return {kind: 'meeting', meeting: found.meeting, reports, statements};
}

/** A pasted report: one proposed statement per candidate, each to be saved once the report is stored as a source. */
async function loadPasted(lang, text, meeting) {
    const found = (await send('POST', 'candidates', {body: {lang, text, meeting: meeting || undefined}, token})).body;
    const report = {key: nextKey(), source: null, lang: found.lang, text, found};
    const statements = found.items.map((candidate) => ({
        key: nextKey(),
        quote: null,
        confidence: candidate.confidence,
        guess: candidate.speaker,
        speaker: candidate.speaker?.id ?? '',
        draft: null,
        variants: [{
            key: nextKey(), report: report.key, source: null, lang: found.lang, start: candidate.span.start,
            end: candidate.span.end, mode: candidate.mode, cue: candidate.cue, guess: candidate.speaker,
            confidence: candidate.confidence, held: null}],
        saved: null,
    }));
    return {kind: 'report', meeting: null, reports: [report], statements};
}

function showLoaded(data) {
    view = data;
    render();
    const recorded = view.statements.filter(fullyHeld).length;
    const reportCount = view.reports.length;
    const count = view.statements.length;
    statusLine.textContent = `${reportCount} ${reportCount === 1 ? 'report' : 'reports'} read, ${count} `
        + `${count === 1 ? 'statement' : 'statements'} proposed`
        + (recorded ? `, ${recorded} already recorded.` : '.');
    reportsHeading.focus({preventScroll: false});
}

meetingForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!meetingSelect.value) {
        showError(new ApiError('Choose a meeting first.', 0));
        meetingSelect.focus();
        return;
    }
    const hash = `#/find?${new URLSearchParams({meeting: meetingSelect.value})}`;
    if (location.hash === hash) {
        showFinder(new URLSearchParams({meeting: meetingSelect.value}), hash);
    } else {
        location.hash = hash;
    }
});

pasteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    // The pasted text is never put in the address; the address says only that the finder is shown.
    if (location.hash !== '#/find') {
        history.replaceState(null, '', '#/find');
    }
    const lang = pasteLang.value;
    const text = pasteText.value;
    const meeting = pasteMeeting.value;
    load({
        status: 'Reading the report…',
        name: '#/find',
        request: () => loadPasted(lang, text, meeting),
        show: (data) => showLoaded(data),
    });
});

// ---- Rendering ----

function render() {
    const shown = view !== null;
    reportsSection.hidden = !shown;
    statementsSection.hidden = !shown;
    reportList.replaceChildren(...(shown ? view.reports.map(renderReport) : []));
    statementList.replaceChildren(...(shown ? view.statements.map(renderStatement) : []));
}

function reportOf(variant) {
    return view.reports.find((report) => report.key === variant.report);
}

function fullyHeld(statement) {
    return statement.quote !== null && statement.variants.every((variant) => variant.held !== null);
}

function reportTitle(report) {
    return `${languageName(report.lang)} report, ${report.source ? `source ${report.source}` : 'not stored yet'}`;
}

/** The text between two offsets with the cues in it underlined (a cue may lie inside a statement's words). */
function withCues(text, from, to, cues) {
    const fragment = document.createDocumentFragment();
    let at = from;
    for (const {start, end} of cues) {
        const cueStart = Math.max(start, at);
        const cueEnd = Math.min(end, to);
        if (cueEnd <= cueStart) {
            continue;
        }
        fragment.append(text.slice(at, cueStart), el('span', {class: 'cue'}, text.slice(cueStart, cueEnd)));
        at = cueEnd;
    }
    fragment.append(text.slice(at, to));
    return fragment;
}

/** A report's whole text with its candidates marked in place, numbered, and what the finder says of each below. */
function renderReport(report) {
    const dir = direction(report.lang);
    const items = report.found.items;
    const cues = items.map((candidate) => candidate.cue?.span).filter(Boolean).sort((a, b) => a.start - b.start);
    const marks = items.map((candidate, i) => ({start: candidate.span.start, end: candidate.span.end, candidate, n: i + 1}));
    const infoId = (n) => `${report.key}-candidate-${n}`;
    const text = el('div', {class: 'report-text', lang: report.lang, dir, tabindex: '0',
            'aria-label': `Text of the ${reportTitle(report)}`},
        highlighted(report.text, marks, {
            fill: (from, to) => withCues(report.text, from, to, cues),
            mark: (span, content) => el('mark', {
                class: `candidate mode-${span.candidate.mode}`, 'data-n': span.n, 'data-start': span.start,
                'data-end': span.end, 'aria-describedby': infoId(span.n)}, content),
        }));
    const list = el('ol', {class: 'candidate-list', 'aria-label': `What the finder found in the ${reportTitle(report)}`},
        ...items.map((candidate, i) => el('li', {id: infoId(i + 1), class: 'candidate-info'},
            el('span', {class: 'label'}, 'Speaker: '),
            el('span', {class: 'candidate-speaker'}, speakerLabel(candidate.speaker)),
            candidate.speaker?.mention
                ? el('span', {class: 'candidate-mention'}, ' (named as ',
                    el('q', {lang: report.lang, dir}, candidate.speaker.mention.text), ')')
                : null,
            ' · ',
            el('span', {class: `mode mode-${candidate.mode}`}, modeLabel(candidate.mode)),
            ' · ',
            el('span', {class: 'label'}, 'cue '),
            el('q', {class: 'candidate-cue', lang: report.lang, dir}, candidate.cue?.text ?? ''),
            ` · confidence ${candidate.confidence.toFixed(2)}`)));
    const dates = report.found.dates ?? [];
    return el('article', {class: 'report', 'data-key': report.key, 'data-source': report.source ?? '', 'data-lang': report.lang,
            'aria-label': reportTitle(report)},
        el('h4', {class: 'report-title'}, reportTitle(report),
            report.headline ? ': ' : '',
            report.headline ? el('cite', {lang: report.lang, dir}, report.headline) : null),
        el('p', {class: 'report-info'},
            `${items.length} ${items.length === 1 ? 'statement' : 'statements'} found, marked and numbered in the text; `
            + 'cues are underlined.',
            dates.length ? ` Dates: ${dates.map((d) => `${d.text} (${d.date})`).join(', ')}.` : ''),
        text,
        items.length ? list : null);
}

function renderStatement(statement, index) {
    const headingId = `${statement.key}-heading`;
    const done = statement.saved !== null || fullyHeld(statement);
    const parts = [
        el('header', {class: 'statement-header'},
            el('h4', {id: headingId, class: 'statement-title', tabindex: '-1'}, `Statement ${index + 1}`),
            el('p', {class: 'statement-meta'}, `Confidence ${statement.confidence.toFixed(2)} · finder’s speaker: `
                + `${speakerLabel(statement.guess)}`)),
    ];
    if (statement.saved !== null) {
        parts.push(el('p', {class: 'statement-state saved'},
            statement.quote ? 'Reports added to quote ' : 'Saved as quote ', quoteLink(statement.saved, 'saved-link'), '.'));
    } else if (fullyHeld(statement)) {
        parts.push(el('p', {class: 'statement-state held'}, 'Already recorded as quote ', quoteLink(statement.quote),
            ': nothing to save.'));
    } else if (statement.quote) {
        parts.push(el('p', {class: 'statement-state partly-held'}, 'Quote ', quoteLink(statement.quote),
            ' holds part of this statement; saving adds the reports it lacks.'));
    } else {
        parts.push(speakerField(statement));
    }
    parts.push(statement.variants.length
        ? el('div', {class: 'statement-variants'}, ...statement.variants.map((variant) => renderVariant(statement, variant, done)))
        : el('p', {class: 'statement-empty'}, 'No reports left in this statement.'));
    if (!done && statement.variants.some((variant) => variant.held === null)) {
        const button = el('button', {type: 'button', class: 'save'}, statement.quote ? 'Add the reports to the quote' : 'Save statement');
        const result = el('p', {class: 'save-result', role: 'status'});
        const alert = el('div', {class: 'error save-error', role: 'alert', hidden: true});
        parts.push(el('footer', {class: 'statement-footer'}, button, result, alert));
        button.addEventListener('click', () => save(statement, button, result, alert));
    }
    return el('li', {},
        el('article', {class: 'statement', id: statement.key, 'data-key': statement.key, 'data-quote': statement.quote ?? '',
            'aria-labelledby': headingId}, ...parts));
}

function speakerField(statement) {
    const id = `${statement.key}-speaker`;
    const select = el('select', {id, class: 'statement-speaker'}, el('option', {value: ''}, 'Choose a speaker'),
        ...[...speakers.values()].map((speaker) => el('option', {value: speaker.id}, english(speaker.names))));
    select.value = statement.speaker;
    select.addEventListener('change', () => {
        statement.speaker = select.value;
    });
    const unknown = statement.guess && !statement.guess.id && statement.guess.name;
    return el('div', {class: 'field statement-speaker-field'},
        el('label', {for: id}, 'Speaker'),
        select,
        unknown ? el('p', {class: 'note'}, 'The report names ', el('q', {}, statement.guess.name),
            ', who is not in the catalogue: choose a speaker, or have an admin add them first.') : null);
}

// ---- One report of a statement, and its corrections ----

const SPACE = /\s/;

/** The start of the word before an offset (spaces skipped). */
function wordStartBefore(text, at) {
    let i = at;
    while (i > 0 && SPACE.test(text[i - 1])) {
        i--;
    }
    while (i > 0 && !SPACE.test(text[i - 1])) {
        i--;
    }
    return i;
}

/** The end of the word after an offset (spaces skipped). */
function wordEndAfter(text, at) {
    let i = at;
    while (i < text.length && SPACE.test(text[i])) {
        i++;
    }
    while (i < text.length && !SPACE.test(text[i])) {
        i++;
    }
    return i;
}

/** Span changes by words: start and end one word earlier or later, never empty. */
const WORD_STEPS = [
    {name: 'start-earlier', label: 'Start a word earlier', step: (text, v) => ({start: wordStartBefore(text, v.start)})},
    {name: 'start-later', label: 'Start a word later', step: (text, v) => {
        let start = wordEndAfter(text, v.start);
        while (start < text.length && SPACE.test(text[start])) {
            start++;
        }
        return start < v.end ? {start} : {};
    }},
    {name: 'end-earlier', label: 'End a word earlier', step: (text, v) => {
        let end = wordStartBefore(text, v.end);
        while (end > 0 && SPACE.test(text[end - 1])) {
            end--;
        }
        return end > v.start ? {end} : {};
    }},
    {name: 'end-later', label: 'End a word later', step: (text, v) => ({end: wordEndAfter(text, v.end)})},
];

function renderVariant(statement, variant, done) {
    const report = reportOf(variant);
    const text = report?.text ?? '';
    const dir = direction(variant.lang);
    const id = variant.key;
    const title = `${languageName(variant.lang)} report`;
    const words = el('blockquote', {class: 'variant-text', lang: variant.lang, dir, id: `${id}-text`},
        text.slice(variant.start, variant.end));
    const label = el('p', {class: 'variant-label', lang: 'en', dir: 'ltr'},
        el('span', {class: 'language'}, languageName(variant.lang)),
        el('span', {class: `mode mode-${variant.mode}`}, modeLabel(variant.mode)),
        el('span', {class: 'variant-source-id'}, variant.source ? `source ${variant.source}` : 'report not stored yet'));
    const finderSays = el('p', {class: 'variant-finder', lang: 'en', dir: 'ltr'},
        el('span', {class: 'label'}, 'Cue: '), el('q', {lang: variant.lang, dir}, variant.cue?.text ?? ''),
        ` · speaker: ${speakerLabel(variant.guess)} · confidence ${variant.confidence.toFixed(2)}`);
    const attributes = {class: 'variant finder-variant', id: `${id}-section`, tabindex: '-1', lang: variant.lang, dir,
        'data-key': id, 'data-lang': variant.lang, 'data-source': variant.source ?? '', 'aria-label': title};
    if (done || variant.held !== null) {
        return el('section', attributes, label, words,
            variant.held !== null && !done
                ? el('p', {class: 'variant-held', lang: 'en', dir: 'ltr'}, 'Already in quote ', quoteLink(statement.quote), '.')
                : null);
    }

    const spanLine = el('p', {class: 'span-info', lang: 'en', dir: 'ltr', id: `${id}-span`});
    const mode = el('select', {id: `${id}-mode`, class: 'variant-mode'},
        el('option', {value: 'direct'}, 'Direct (own words)'), el('option', {value: 'indirect'}, 'Indirect (reported)'));
    mode.value = variant.mode;
    const start = el('input', {id: `${id}-start`, class: 'span-start', type: 'number', inputmode: 'numeric', min: '0',
        max: String(text.length), step: '1', value: String(variant.start), 'aria-describedby': `${id}-span`});
    const end = el('input', {id: `${id}-end`, class: 'span-end', type: 'number', inputmode: 'numeric', min: '0',
        max: String(text.length), step: '1', value: String(variant.end), 'aria-describedby': `${id}-span`});
    const showSpan = () => {
        words.textContent = text.slice(variant.start, variant.end);
        spanLine.textContent = `Characters ${variant.start} to ${variant.end} of ${text.length} (UTF-16 offsets).`;
    };
    showSpan();
    mode.addEventListener('change', () => {
        variant.mode = mode.value;
        const badge = label.querySelector('.mode');
        badge.className = `mode mode-${variant.mode}`;
        badge.textContent = modeLabel(variant.mode);
    });
    for (const [input, name] of [[start, 'start'], [end, 'end']]) {
        input.addEventListener('input', () => {
            const value = Number(input.value);
            if (input.value.trim() !== '' && Number.isInteger(value)) {
                variant[name] = value;
                showSpan();
            }
        });
    }
    const steps = WORD_STEPS.map(({name, label: stepLabel, step}) => {
        const button = el('button', {type: 'button', class: `secondary word-step ${name}`}, stepLabel);
        button.addEventListener('click', () => {
            Object.assign(variant, step(text, variant));
            start.value = String(variant.start);
            end.value = String(variant.end);
            showSpan();
        });
        return button;
    });

    const controls = [
        el('div', {class: 'field'}, el('label', {for: `${id}-mode`}, 'Mode'), mode),
        el('div', {class: 'field span-field'}, el('label', {for: `${id}-start`}, 'Start'), start),
        el('div', {class: 'field span-field'}, el('label', {for: `${id}-end`}, 'End'), end),
    ];
    const grouping = groupingControls(statement, variant);
    return el('section', attributes, label, words, spanLine, finderSays,
        el('div', {class: 'variant-controls', lang: 'en', dir: 'ltr', role: 'group', 'aria-label': `Correct the ${title}`},
            ...controls,
            el('div', {class: 'word-steps', role: 'group', 'aria-label': 'Change the span by a word'}, ...steps),
            grouping));
}

/** Remove the report from the statement, or move it to another statement (or a new one). */
function groupingControls(statement, variant) {
    const id = variant.key;
    const targets = view.statements
        .map((other, i) => ({other, i}))
        .filter(({other}) => other !== statement && other.saved === null && !(fullyHeld(other) && other.variants.length));
    const select = el('select', {id: `${id}-move`, class: 'move-target'},
        ...targets.map(({other, i}) => el('option', {value: other.key},
            `Statement ${i + 1}${other.quote ? ` (quote ${other.quote})` : other.speaker ? ` (${speakerName(other.speaker)})` : ''}`)),
        el('option', {value: 'new'}, 'A new statement'));
    const moveButton = el('button', {type: 'button', class: 'secondary move'}, 'Move');
    const removeButton = el('button', {type: 'button', class: 'secondary remove'}, 'Remove from this statement');
    moveButton.addEventListener('click', () => move(statement, variant, select.value));
    removeButton.addEventListener('click', () => remove(statement, variant));
    return el('div', {class: 'grouping'},
        el('div', {class: 'field'}, el('label', {for: `${id}-move`}, 'Move to'), select),
        moveButton, removeButton);
}

function move(statement, variant, targetKey) {
    statement.variants = statement.variants.filter((v) => v !== variant);
    let target = view.statements.find((other) => other.key === targetKey);
    if (!target) {
        target = {key: nextKey(), quote: null, confidence: variant.confidence, guess: variant.guess,
            speaker: statement.quote ? (variant.guess?.id ?? '') : statement.speaker,
            draft: statement.quote ? null : statement.draft, variants: [], saved: null};
        view.statements.splice(view.statements.indexOf(statement) + 1, 0, target);
    }
    target.variants.push(variant);
    render();
    document.getElementById(`${variant.key}-section`)?.focus();
    statusLine.textContent = `The ${languageName(variant.lang)} report moved to statement ${view.statements.indexOf(target) + 1}.`;
}

function remove(statement, variant) {
    statement.variants = statement.variants.filter((v) => v !== variant);
    render();
    document.getElementById(`${statement.key}-heading`)?.focus();
    statusLine.textContent = `The ${languageName(variant.lang)} report was removed from statement `
        + `${view.statements.indexOf(statement) + 1}.`;
}

// ---- Saving ----

function variantInput(variant) {
    const text = reportOf(variant).text;
    return {source: variant.source, lang: variant.lang, mode: variant.mode, text: text.slice(variant.start, variant.end),
        span: {start: variant.start, end: variant.end}};
}

/** What must be right before a pasted report is stored, so that a bad correction writes nothing at all. */
function pastedReportProblems(statement, pending) {
    const problems = [];
    if (!pasteMeeting.value) {
        problems.push('Choose the meeting the report is about (above, with the report): a quote belongs to a meeting.');
    }
    if (!statement.speaker) {
        problems.push('Choose the speaker.');
    }
    for (const variant of pending) {
        const length = reportOf(variant).text.length;
        if (!(variant.start >= 0 && variant.start < variant.end && variant.end <= length)) {
            problems.push(`The words of the ${languageName(variant.lang)} report must lie within it: start before end, `
                + `from 0 to ${length} (now ${variant.start} to ${variant.end}).`);
        }
    }
    return problems;
}

/** Stores a pasted report as a source, exactly as pasted: the candidates' offsets are then the source's. */
async function storeReport(report) {
    const answer = await send('POST', 'sources', {body: {lang: report.lang, text: report.text, reason: reason()}, token});
    report.source = answer.body.id;
    for (const statement of view.statements) {
        for (const variant of statement.variants) {
            if (variant.report === report.key) {
                variant.source = report.source;
            }
        }
    }
    reportList.replaceChildren(...view.reports.map(renderReport));
}

async function createQuote(statement, pending) {
    const meeting = view.kind === 'meeting' ? view.meeting : pasteMeeting.value;
    const input = {...(statement.draft ?? {}), speaker: statement.speaker || null, meeting: meeting || null,
        variants: pending.map(variantInput), reason: reason()};
    const answer = await send('POST', 'quotes', {body: input, token});
    statement.saved = answer.body.id;
}

/** Adds each report the quote lacks, with the quote's ETag in If-Match (each answer gives the next one). */
async function addVariants(statement, pending) {
    const path = `quotes/${encodeURIComponent(statement.quote)}`;
    let etag = (await send('GET', path, {params: {lang: 'all'}})).etag;
    for (const variant of pending) {
        const answer = await send('POST', `${path}/variants`, {body: variantInput(variant), token, ifMatch: etag,
            params: {reason: reason()}});
        etag = answer.etag;
        variant.held = Number(answer.location?.split('/').pop()) || 0;
    }
    statement.saved = statement.quote;
}

function showSaveError(alert, error) {
    const message = error instanceof ApiError ? error.message : `Something went wrong in the page: ${error.message}`;
    const violations = error instanceof ApiError ? error.violations : [];
    alert.replaceChildren(el('p', {class: 'save-error-message'}, message),
        violations.length
            ? el('ul', {class: 'violations'}, ...violations.map((v) => el('li', {}, v.field ? `${v.field}: ${v.message}` : v.message)))
            : null);
    alert.hidden = false;
}

async function save(statement, button, result, alert) {
    if (button.getAttribute('aria-disabled') === 'true') {
        return;
    }
    const pending = statement.variants.filter((variant) => variant.held === null);
    alert.hidden = true;
    alert.replaceChildren();
    const unstored = [...new Set(pending.map(reportOf))].filter((report) => !report.source);
    if (unstored.length) {
        const problems = pastedReportProblems(statement, pending);
        if (problems.length) {
            showSaveError(alert, new ApiError(`Nothing was stored: ${problems.join(' ')}`, 0));
            return;
        }
    }
    button.setAttribute('aria-disabled', 'true');
    result.textContent = 'Saving…';
    const heldBefore = pending.map((variant) => variant.held);
    try {
        for (const report of unstored) {
            result.textContent = 'Storing the report as a source…';
            await storeReport(report);
        }
        result.textContent = 'Saving the statement…';
        if (statement.quote) {
            await addVariants(statement, pending);
        } else {
            await createQuote(statement, pending);
        }
        render();
        statusLine.textContent = `Saved: quote ${statement.saved}.`;
        document.getElementById(statement.key)?.querySelector('.saved-link')?.focus();
    } catch (error) {
        button.removeAttribute('aria-disabled');
        result.textContent = '';
        if (unstored.some((report) => report.source) || pending.some((variant, i) => variant.held !== heldBefore[i])) {
            // The report was stored, or some reports were added, before the refusal: show that, keep the corrections.
            render();
            const fresh = document.getElementById(statement.key)?.querySelector('.save-error');
            if (fresh) {
                showSaveError(fresh, error);
            }
        } else {
            showSaveError(alert, error);
        }
    }
}

fillLanguages();
