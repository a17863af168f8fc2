/*
 * Dicta quote widget. Include it once on any page:
 *
 *   <div class="dicta-quote" data-quote="khamenei-neutralise-sanctions-weapon" data-lang="ur"></div>
 *   <script src="https://dicta.example/widget.js" async></script>
 *
 * Each .dicta-quote element shows one quote: data-quote names it (leave it out for a random quote), data-lang picks
 * the language (leave it out to let the reader's browser choose). Optional: data-speaker and data-topic narrow a
 * random quote. The API is the one that served this script. Styles live in a shadow root; hosts theme the widget with
 * CSS custom properties (--dicta-text, --dicta-background, --dicta-accent, --dicta-muted, --dicta-border,
 * --dicta-radius, --dicta-font, --dicta-font-arabic, --dicta-font-urdu, --dicta-font-size).
 * Elements added later are rendered by calling window.DictaQuote.render().
 */
(function () {
    'use strict';

    // The script's own address gives the API's: document.currentScript is only set while this script first runs.
    var script = document.currentScript || document.querySelector('script[src$="widget.js"]');
    var base = new URL('./', script ? script.src : document.baseURI);
    var apiBase = new URL('api/v1/', base);
    var languagesRequest = null;

    function el(tag, attributes, children) {
        var element = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            var value = attributes[name];
            if (value !== undefined && value !== null) {
                element.setAttribute(name, String(value));
            }
        });
        (children || []).forEach(function (child) {
            if (child !== undefined && child !== null) {
                element.append(child instanceof Node ? child : document.createTextNode(String(child)));
            }
        });
        return element;
    }

    function WidgetError(message) {
        this.message = message;
    }

    function getJson(path, params) {
        var url = new URL(path, apiBase);
        Object.keys(params).forEach(function (name) {
            if (params[name]) {
                url.searchParams.set(name, params[name]);
            }
        });
        return fetch(url.href, {headers: {Accept: 'application/json'}, credentials: 'omit'})
            .catch(function () {
                throw new WidgetError('The quote could not be loaded.');
            })
            .then(function (response) {
                if (response.ok) {
                    return response.json();
                }
                return response.json().catch(function () {
                    return {};
                }).then(function (problem) {
                    var error = new WidgetError(problem.detail || ('The quote could not be loaded (' + response.status + ').'));
                    error.status = response.status;
                    throw error;
                });
            });
    }

    function languages() {
        if (!languagesRequest) {
            languagesRequest = getJson('languages', {}).then(function (page) {
                var byCode = {};
                page.items.forEach(function (language) {
                    byCode[language.code] = language;
                });
                return byCode;
            });
        }
        return languagesRequest;
    }

    function inLanguage(map, lang) {
        if (!map) {
            return '';
        }
        if (map[lang]) {
            return map[lang];
        }
        var values = Object.keys(map).map(function (key) {
            return map[key];
        });
        return map.en || values[0] || '';
    }

    function languageName(languagesByCode, code) {
        return languagesByCode[code] ? languagesByCode[code].englishName : code;
    }

    function quoteView(quote, variant, languagesByCode) {
        var lang = variant.lang;
        var dir = languagesByCode[lang] ? languagesByCode[lang].direction : 'auto';
        var source = variant.source;
        var sourceLink = new URL('#/quotes/' + encodeURIComponent(quote.id) + '/variants/'
            + encodeURIComponent(variant.id) + '/source', base).href;
        var outlet = source.publisher || source.headline;
        var link = outlet
            ? el('a', {href: sourceLink, target: '_blank', rel: 'noopener'}, [outlet])
            : el('a', {href: sourceLink, target: '_blank', rel: 'noopener', lang: 'en', dir: 'ltr'}, ['Source document']);
        return el('figure', {class: 'quote', part: 'quote', 'data-quote-id': quote.id}, [
            // Quotation marks for the speaker's own words only: reported speech is the outlet's paraphrase.
            el('blockquote', {class: variant.mode === 'direct' ? 'text direct' : 'text reported', lang: lang, dir: dir, cite: sourceLink}, [variant.text]),
            el('figcaption', {class: 'caption', lang: lang, dir: dir}, [
                el('span', {class: 'speaker'}, [inLanguage(quote.speaker.names, lang)]),
                el('span', {class: 'source', lang: source.lang, dir: languagesByCode[source.lang] ? languagesByCode[source.lang].direction : 'auto'}, [
                    link,
                    source.date || quote.meeting.date ? ' ' : null,
                    source.date || quote.meeting.date ? el('time', {datetime: source.date || quote.meeting.date}, [source.date || quote.meeting.date]) : null
                ])
            ]),
            el('p', {class: 'credit', lang: 'en', dir: 'ltr'}, [
                variant.mode === 'direct' ? 'Direct quote' : 'Reported speech',
                ', ' + languageName(languagesByCode, lang) + ' · ',
                el('a', {href: base.href, target: '_blank', rel: 'noopener'}, ['Dicta'])
            ])
        ]);
    }

    function message(text) {
        return el('p', {class: 'message', role: 'status', lang: 'en', dir: 'ltr'}, [text]);
    }

    function render(host) {
        if (host.shadowRoot || host.dataset.dictaState) {
            return;
        }
        host.dataset.dictaState = 'loading';
        var root = host.attachShadow({mode: 'open'});
        var frame = el('div', {class: 'frame', 'aria-busy': 'true'}, [message('Loading quote…')]);
        root.append(el('link', {rel: 'stylesheet', href: new URL('widget.css', base).href}), frame);

        var quoteId = host.getAttribute('data-quote');
        var lang = host.getAttribute('data-lang');
        var request = quoteId
            ? getJson('quotes/' + encodeURIComponent(quoteId), {lang: lang})
            : getJson('quotes/random', {lang: lang, speaker: host.getAttribute('data-speaker'), topic: host.getAttribute('data-topic')});

        Promise.all([languages(), request]).then(function (answers) {
            var languagesByCode = answers[0];
            var quote = answers[1];
            var wanted = lang ? lang.toLowerCase().split('-')[0] : null;
            // Asked for one language and given another (the API's fallback): say so rather than show a stand-in.
            if (wanted && wanted !== 'all' && quote.lang !== wanted) {
                throw new WidgetError('This quote has no ' + languageName(languagesByCode, wanted) + ' version.');
            }
            var variant = quote.variants.filter(function (v) {
                return !quote.lang || v.lang === quote.lang;
            })[0];
            if (!variant) {
                throw new WidgetError('This quote has no text to show.');
            }
            frame.replaceChildren(quoteView(quote, variant, languagesByCode));
            host.dataset.dictaState = 'ready';
        }).catch(function (error) {
            return languages().catch(function () {
                return {};
            }).then(function (languagesByCode) {
                var text = error instanceof WidgetError ? error.message : 'The quote could not be shown.';
                if (error.status === 404 && !quoteId) {
                    text = lang ? 'No quote in ' + languageName(languagesByCode, lang) + ' yet.' : 'No quote to show yet.';
                }
                frame.replaceChildren(message(text));
                host.dataset.dictaState = 'error';
            });
        }).then(function () {
            frame.setAttribute('aria-busy', 'false');
        });
    }

    function renderAll() {
        Array.prototype.forEach.call(document.querySelectorAll('.dicta-quote'), render);
    }

    window.DictaQuote = {render: renderAll};
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', renderAll);
    } else {
        renderAll();
    }
}());
