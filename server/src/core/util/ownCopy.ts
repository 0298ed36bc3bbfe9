// A string kept for later (a cache key, a remembered answer) must not be a slice of a larger one:
// V8 keeps a slice's parent string alive, so a key cut from a draft would retain the whole draft,
// one copy per edit (issue 7).

/** The same characters in a string of their own. */
export function ownCopy(s: string): string {
  // Concatenation then slicing flattens into a new string of s.length + 1 characters.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
