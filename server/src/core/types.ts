// Plain data types shared by the core. All offsets are UTF-16 code units (JavaScript string
// indices), ranges are half-open [start, end). Nothing here knows about LSP or VS Code.

import type { OffsetMap } from './text/offsetMap';

export interface TextRange {
  start: number;
  end: number;
}

/** A source file after decoding and reflow. */
export interface SourceText {
  /** Absolute path of the file. */
  path: string;
  /** sha256 of the file's bytes (hex). */
  hash: string;
  /** Encoding the bytes were decoded with: 'utf-8', 'utf-16le', 'utf-16be' or 'gb18030'. */
  encoding: string;
  /** The decoded file text, exactly as in the file (BOM removed). */
  original: string;
  /** The rebuilt text: real paragraphs, one per line ('\n'), column-set line breaks removed. */
  text: string;
  /**
   * Offsets of `text` in `original` (map.toOriginal(text.length) is original.length). Every rebuilt
   * character is the same character as the original one it maps to, except the '\n' paragraph
   * separators, which map to the original line break they stand for.
   */
  map: OffsetMap;
}

export interface Sentence extends TextRange {
  text: string;
}

export interface Paragraph extends TextRange {
  sentences: Sentence[];
}

export interface Article extends TextRange {
  title: string;
  /** Author line such as 吴志成, where the article has one. */
  author?: string;
  /** Dateline such as （新华社北京8月28日电）. */
  dateline?: string;
  /** Continuation markers such as （上接第一版）. */
  markers: string[];
  paragraphs: Paragraph[];
}

/** A place in a source: the file, the article index in that file, and a range of the rebuilt text. */
export interface SourceRef extends TextRange {
  file: string;
  article: number;
}

/** listed: an item of an enumeration (首发经济、银发经济); paired: a name in parentheses after another name (城市奖（上海奖）); person: a name after an office (总统托卡耶夫). */
export type TermKind = 'quoted' | 'title' | 'alias' | 'formulation' | 'defined' | 'listed' | 'paired' | 'person';

/** Every kind, in a fixed order (caches store a kind as its position here). */
export const TERM_KINDS: readonly TermKind[] = ['quoted', 'title', 'alias', 'formulation', 'defined', 'listed', 'paired', 'person'];

/** A vocabulary item mined from one file. */
export interface MinedTerm {
  text: string;
  kind: TermKind;
  refs: SourceRef[];
}

export interface MinedDefinition {
  term: string;
  definition: string;
  /** The source marks the term (quotation marks): a name it coins, not a phrase read off the wording. */
  named: boolean;
  ref: SourceRef;
}

export interface MinedAlias {
  /** The short form (上合组织). */
  alias: string;
  /** The full form (上海合作组织). */
  full: string;
  ref: SourceRef;
}

export interface MinedStatement {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Who said them, where the text says so (习近平主席). */
  speaker?: string;
  ref: SourceRef;
}

/** Everything learned from one source file: cached by its content hash. */
export interface FileIndex {
  source: SourceText;
  articles: Article[];
  terms: MinedTerm[];
  definitions: MinedDefinition[];
  aliases: MinedAlias[];
  statements: MinedStatement[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Fix {
  /** Short Chinese description shown as the quick-fix title. */
  title: string;
  /** Edits; their ranges never overlap and lie inside the finding's range or touch it. */
  edits: Array<TextRange & { newText: string }>;
}

export interface RelatedPlace {
  file: string;
  /** Line and column (0-based, UTF-16) in the original file. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
}

export interface Finding extends TextRange {
  rule: string;
  severity: Severity;
  message: string;
  /** Replacement texts for [start, end), best first. */
  replacements: string[];
  fixes: Fix[];
  related?: RelatedPlace[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
