import type { PrintableReport } from './printableReport';
import { severityNames, Severity } from '../core/severity';
import { printable } from './printable';

/** Compiler-style lines (`path:line:col: error code: message`, 1-based) and a summary line. */
export function formatText(report: PrintableReport, displayPath: (path: string) => string): string {
  const lines: string[] = [];
  const counts = new Map<Severity, number>();
  for (const { path, diagnostics } of report.results) {
    for (const d of diagnostics) {
      counts.set(d.severity, (counts.get(d.severity) ?? 0) + 1);
      // One line per finding, whatever a file name or a quoted text holds.
      lines.push(`${printable(displayPath(path))}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityNames[d.severity]} ${d.code}: ${printable(d.message)}`);
    }
  }
  const files = `${report.files} ${report.files === 1 ? 'file' : 'files'}`;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    lines.push(`No findings in ${files}.`);
  } else {
    const parts = [Severity.Error, Severity.Warning, Severity.Information, Severity.Hint]
      .filter((s) => counts.has(s))
      .map((s) => plural(counts.get(s) ?? 0, severityNames[s]));
    lines.push(`${plural(total, 'finding')} (${parts.join(', ')}) in ${files}.`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word === 'information' ? word : `${word}s`}`;
}
