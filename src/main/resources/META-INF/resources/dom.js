// The explorer's safe ways of putting data into the page: elements and text nodes, never HTML.

/** Creates an element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value !== undefined && value !== null && value !== false) {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const child of children) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
}

const hit = (span, content) => el('mark', {class: 'hit'}, content);

/**
 * The text with spans (offsets into the text, UTF-16, as JS string indices) wrapped in marks: <mark class="hit">, or
 * what `mark(span, content)` makes of each span. `fill(from, to)` gives the text between two offsets (a string or
 * nodes; by default the text itself). A span that overlaps an earlier one or lies outside the text is left unmarked.
 */
export function highlighted(text, highlights, {mark = hit, fill = (from, to) => text.slice(from, to)} = {}) {
    const fragment = document.createDocumentFragment();
    let at = 0;
    const spans = [...(highlights ?? [])].sort((a, b) => a.start - b.start);
    for (const span of spans) {
        const {start, end} = span;
        if (start < at || end > text.length || end <= start) {
            continue;
        }
        fragment.append(fill(at, start), mark(span, fill(start, end)));
        at = end;
    }
    fragment.append(fill(at, text.length));
    return fragment;
}
