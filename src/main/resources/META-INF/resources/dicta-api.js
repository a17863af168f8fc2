// Dicta's API for the explorer: JSON in, problem+json errors turned into readable messages; editors' writes with the
// bearer token they give (the caller keeps it; nothing here stores it).

/**
 * An error answered by the API (RFC 9457 problem details) or a failure to reach it, with a message for people and,
 * for invalid input, every offending field with its message (`violations`: [{field, message}]).
 */
export class ApiError extends Error {
    constructor(message, status, violations = []) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.violations = violations;
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
        throw await apiError(response);
    }
    return response.json();
}

/**
 * Sends a request with a JSON body (if any) and, when given, the editor's bearer token and an If-Match ETag; answers
 * {status, body, etag, location}. A refusal becomes an ApiError with the API's own words.
 */
export async function send(method, path, {body, token, ifMatch, params = {}} = {}) {
    const url = new URL(path, API_BASE);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    if (ifMatch) {
        headers['If-Match'] = ifMatch;
    }
    let response;
    try {
        response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'omit', cache: 'no-store'});
    } catch (e) {
        throw new ApiError('Could not reach the Dicta API. Check the connection and try again.', 0);
    }
    if (!response.ok) {
        throw await apiError(response);
    }
    const text = await response.text();
    return {status: response.status, body: text ? JSON.parse(text) : null,
        etag: response.headers.get('ETag'), location: response.headers.get('Location')};
}

/** Follows a list's `next` link, keeping its query (filters and cursor) but asking this page's origin. */
export function getNext(next) {
    const link = new URL(next, API_BASE);
    return get('quotes', Object.fromEntries(link.searchParams));
}

async function apiError(response) {
    let problem = null;
    try {
        problem = await response.json();
    } catch (e) {
        // Not JSON: the status line says what there is to say.
    }
    const violations = Array.isArray(problem?.violations)
        ? problem.violations.filter((v) => v && typeof v.message === 'string')
            .map((v) => ({field: typeof v.field === 'string' ? v.field : '', message: v.message}))
        : [];
    let message = `The Dicta API answered ${response.status} ${response.statusText}`.trim();
    if (problem && typeof problem.detail === 'string' && problem.detail) {
        message = problem.detail;
    } else if (problem && typeof problem.title === 'string' && problem.title) {
        message = problem.title;
    }
    return new ApiError(message, response.status, violations);
}
