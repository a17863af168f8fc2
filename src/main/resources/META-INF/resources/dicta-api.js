// Reads of Dicta's public API for the explorer: JSON in, problem+json errors turned into readable messages.

/** An error answered by the API (RFC 9457 problem details) or a failure to reach it, with a message for people. */
export class ApiError extends Error {
    constructor(message, status) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
    }
}

const API_BASE = new URL('api/v1/', document.baseURI);

/**
 * GETs an API path with query parameters (empty values are left out) and returns the parsed JSON body.
 * `lang=all` is the default so that the browser's Accept-Language does not narrow quotes to one language.
 */
export async function get(path, params = {}) {
    const url = new URL(path, API_BASE);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    if (!url.searchParams.has('lang')) {
        url.searchParams.set('lang', 'all');
    }
    let response;
    try {
        response = await fetch(url, {headers: {Accept: 'application/json'}});
    } catch (e) {
        throw new ApiError('Could not reach the Dicta API. Check the connection and try again.', 0);
    }
    if (!response.ok) {
        throw new ApiError(await problemMessage(response), response.status);
    }
    return response.json();
}

/** Follows a list's `next` link, keeping its query (filters and cursor) but asking this page's origin. */
export function getNext(next) {
    const link = new URL(next, API_BASE);
    return get('quotes', Object.fromEntries(link.searchParams));
}

async function problemMessage(response) {
    try {
        const problem = await response.json();
        if (problem && typeof problem.detail === 'string' && problem.detail) {
            return problem.detail;
        }
        if (problem && typeof problem.title === 'string' && problem.title) {
            return problem.title;
        }
    } catch (e) {
        // Not JSON: fall through to the status line.
    }
    return `The Dicta API answered ${response.status} ${response.statusText}`.trim();
}
