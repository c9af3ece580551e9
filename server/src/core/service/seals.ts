import type { Analysis } from '../analysis';
import { sealMatches, type SealTarget } from '../checks/seals';
import type { DocumentFacts } from '../facts/types';
import { basename } from '../paths';
import type { Span } from '../types';
import { code, md } from './markdownText';
import type { TextEdit } from './types';

const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/** The seal whose hex digits are under the cursor, with the packet it is about. */
export function sealAt(analysis: Analysis, facts: DocumentFacts, offset: number): SealTarget | undefined {
  if (('broken' in facts && facts.broken) || facts.tooLarge) return undefined;
  return analysis.sealTargets(facts).find((t) => contains(t.ref.span, offset));
}

/** The hover card of a seal (spec §8): the packet, its current tree id and whether the stated one is a prefix of it. */
export function sealCard(analysis: Analysis, target: SealTarget): string {
  const stated = `${code(target.ref.hex)}${target.ref.elided ? '…' : ''}`;
  if (target.packet === undefined) {
    const candidates = target.candidates.length === 0 ? 'it cites no packet' : `it cites ${target.candidates.length} packets and the seal's sentence and paragraph name none of them`;
    return `**Seal** ${stated} · **packet unknown**\n\nWhich packet it seals cannot be told: ${candidates}. Cite a file of the sealed packet in the same sentence.`;
  }
  const packet = code(target.packet === '' ? '(workspace root)' : basename(target.packet));
  const current = analysis.treeIdOf(target.packet);
  if (!current) return `**Seal** ${stated} · packet ${packet}\n\nSeals are off (\`"sealFormat": "off"\`).`;
  if (!('id' in current)) return `**Seal** ${stated} · packet ${packet} · **cannot be checked**\n\nIts tree id cannot be computed: ${md(current.problem)}.`;
  const matches = sealMatches(current.id, target.ref);
  const format = analysis.currentSettings().sealFormat === 'git-sha256' ? 'SHA-256' : 'SHA-1';
  const lines = [`**Seal** ${stated} · packet ${packet} · **${matches ? 'matches' : 'does not match'}**`, `Current tree id: ${code(current.id)} (git, ${format}; ${current.files} files)`];
  lines.push(
    matches
      ? 'The packet\'s bytes are those sealed: `git rev-parse HEAD:<packet folder>` prints this id once they are committed.'
      : "The packet's bytes differ from those sealed: restore the sealed files, or have the owner re-seal by stating the current id.",
  );
  return lines.join('\n\n');
}

/**
 * The quick fix of a seal-mismatch: the current id, as many digits as were stated. Re-sealing
 * is the owner's act, so the title says so and the fix is never preferred. None in a packet
 * document: it is part of the tree it would seal, so writing the id in changes the id.
 */
export function sealFixes(analysis: Analysis, facts: DocumentFacts, span: Span): { title: string; edits: TextEdit[] }[] {
  if (facts.kind !== 'note') return [];
  const target = analysis.sealTargets(facts).find((t) => t.ref.span.start === span.start && t.ref.span.end === span.end);
  if (target?.packet === undefined) return [];
  const current = analysis.treeIdOf(target.packet);
  if (!current || !('id' in current) || sealMatches(current.id, target.ref)) return [];
  const restated = current.id.slice(0, Math.max(7, Math.min(target.ref.hex.length, current.id.length)));
  return [
    {
      title: `Re-seal as tree ${restated}${restated.length < current.id.length ? '…' : ''} (the owner's act: only if the owner seals these bytes)`,
      edits: [{ range: facts.lines.range(span.start, span.end), newText: restated }],
    },
  ];
}
