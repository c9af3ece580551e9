import { basename } from './paths';

/** The six packet document kinds (spec §3), named as their canonical file names. */
export const packetKinds = [
  'production-readiness-blocker-map',
  'delegation-and-authority-lock',
  'precondition-checklist',
  'mutation-inventory',
  'rollback-recovery-design',
  'ticket-reservations',
] as const;

export type PacketKind = (typeof packetKinds)[number];

const endsWithKind = (name: string, kind: string) => name === kind || name.endsWith(`-${kind}`);

/** By file name first (equal to a kind or ending in `-<kind>`), then by the `doc` slug; the file name wins. */
export function packetKindOf(path: string, docSlug: string | undefined): PacketKind | undefined {
  const stem = basename(path).replace(/\.json$/i, '');
  return packetKinds.find((k) => endsWithKind(stem, k)) ?? (docSlug ? packetKinds.find((k) => endsWithKind(docSlug, k)) : undefined);
}
