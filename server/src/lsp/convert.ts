// Conversions between core values (UTF-16 offsets, plain data) and LSP types, at the edge.
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  Location,
  Range,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RelatedPlace, Severity } from '../core/types';

export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function placeToLocation(p: RelatedPlace | { file: string; line: number; character: number; endLine: number; endCharacter: number }): Location {
  return {
    uri: pathToFileURL(p.file).toString(),
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
  };
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'policy-lint',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: placeToLocation(r), message: r.message })),
    data: { replacements: f.replacements, version: doc.version },
  };
}

export function fixAction(doc: TextDocument, f: Finding, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction[] {
  return f.fixes.map((fix, i) => {
    const edit: WorkspaceEdit = { changes: { [doc.uri]: fix.edits.map((e) => TextEdit.replace(toRange(doc, e.start, e.end), e.newText)) } };
    return {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostic ? [diagnostic] : undefined,
      isPreferred: preferred && i === 0,
      edit,
    };
  });
}

export function editsAction(doc: TextDocument, title: string, kind: string, findings: Finding[]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  let at = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || !f.replacements.length) continue;
    edits.push(TextEdit.replace(toRange(doc, f.start, f.end), f.replacements[0]));
    at = f.end;
  }
  if (!edits.length) return undefined;
  return { title, kind, edit: { changes: { [doc.uri]: edits } } };
}
