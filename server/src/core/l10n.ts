// User-facing messages are written in Chinese with an English twin; the server picks by the client's locale.
let english = false;

/** Sets the display language: English for 'en*', Chinese otherwise. */
export function setLocale(locale: string | undefined): void {
  english = !!locale && /^en\b/i.test(locale);
}

/** The message in the current display language. */
export function t(zh: string, en: string): string {
  return english ? en : zh;
}
