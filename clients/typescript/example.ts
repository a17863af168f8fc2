// How a front-end uses the TypeScript client generated from Dicta's spec. Type-checked in strict mode by .ci/run, so
// that a change of the spec that would break such code fails the build.
import { Configuration, QuotesApi, LanguagesApi, ResponseError, type Problem, type Quote } from "../../target/generated-clients/typescript";

const config = new Configuration({ basePath: "https://dicta.example" });
const quotes = new QuotesApi(config);

/** One quote in one language, for a page or a widget: text, speaker's name and the source to cite. */
export async function quoteFor(id: string, lang: string): Promise<{ text: string; speaker: string; source: string; dir: "ltr" | "rtl" }> {
  const quote: Quote = await quotes.getQuote({ id, lang });
  const variant = quote.variants[0];
  const languages = await new LanguagesApi(config).listLanguages();
  const direction = languages.items.find((language) => language.code === quote.lang)?.direction ?? "ltr";
  return {
    text: quote.text ?? variant.text,
    speaker: quote.speaker.names[lang] ?? quote.speaker.id,
    source: `${variant.source.publisher ?? ""} ${variant.source.headline ?? ""}`.trim(),
    dir: direction,
  };
}

/** Every quote matching a search, following the pages to the end. */
export async function searchAll(q: string, lang?: string): Promise<Quote[]> {
  const found: Quote[] = [];
  let cursor: string | undefined;
  do {
    const page = await quotes.listQuotes({ q, lang, limit: 100, cursor });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** Dicta's errors are RFC 9457 problems: show their detail to the person who can act on it. */
export async function explain(error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    const problem = (await error.response.json()) as Problem;
    return `${problem.title}: ${problem.detail}`;
  }
  return String(error);
}
