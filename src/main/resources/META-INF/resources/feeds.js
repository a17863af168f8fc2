// The feed of what a view shows: GET /api/v1/feeds/quotes with the view's filters, in Atom, linked from the page for
// people and from <head> for feed readers and browsers. (The same URL answers JSON Feed to Accept: application/feed+json,
// which a feed reader following a <link> does not send: so only the Atom feed is announced.)

/** The quote list's filters that the feed takes too; paging and sorting are the feed's own. */
export const FEED_FILTERS = ['speaker', 'topic', 'q', 'lang', 'mode', 'meeting', 'from', 'to'];

const FEED_PATH = 'api/v1/feeds/quotes';
const ATOM = 'application/atom+xml';

/** The feed's absolute URL for a view's filters ({name: value}); empty values and other parameters are left out. */
export function feedUrl(params) {
    const url = new URL(FEED_PATH, document.baseURI);
    for (const name of FEED_FILTERS) {
        const value = params[name];
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    return url.href;
}

/** The one <link rel="alternate"> of this type in <head>: the first kept, any other removed, one made if none. */
function alternate(type) {
    const links = [...document.head.querySelectorAll(`link[rel~="alternate"][type="${type}"]`)];
    links.slice(1).forEach((link) => link.remove());
    if (links.length) {
        return links[0];
    }
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = type;
    document.head.append(link);
    return link;
}

/**
 * Points the page's feed links at the feed of these filters: the Atom <link rel="alternate"> in <head> (one, replaced
 * in place) and the visible "Follow" link, shown only when `visible`. `title` names the filters.
 */
export function showFeed(params, title, visible) {
    const href = feedUrl(params);
    const atom = alternate(ATOM);
    atom.href = href;
    atom.title = `${title} (Atom)`;

    const line = document.getElementById('feed');
    document.getElementById('feed-link').href = href;
    document.getElementById('feed-title').textContent = title;
    line.hidden = !visible;
}
