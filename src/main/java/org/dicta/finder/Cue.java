package org.dicta.finder;

/**
 * How a speech word marks the statement it introduces, which decides where the statement's words lie.
 *
 * <ul>
 *   <li>{@link #SAY}: a verb of saying (said, قال, گفت, کہا) whose statement follows it, after a colon, a complementiser
 *       (that, أن, که, کہ) or a quotation mark; with none of them it marks nothing.</li>
 *   <li>{@link #CLAUSE_BEFORE}: a Persian or Urdu verb that closes its statement (… را فراتر دانستند, … زیادہ بتایا):
 *       the statement is the clause before it, verb included.</li>
 *   <li>{@link #CLAUSE_AFTER}: a verb whose object is the statement (expressed his pleasure, أعرب عن, با ابراز): the
 *       statement runs from the verb to the end of its clause.</li>
 *   <li>{@link #REFERENCE}: referring to a point (با اشاره به, بالإشارة إلى, Referring to, کی طرف اشارہ کرتے ہوئے); a
 *       statement only when the point is long enough to be a claim.</li>
 * </ul>
 */
enum Cue {
    SAY, CLAUSE_BEFORE, CLAUSE_AFTER, REFERENCE
}
