/**
 * Deterministic generator of realistic KB workspaces for the performance benchmark
 * (`npm run bench:gen`, `npm run bench`). A workspace is many packet folders, each with the
 * six document kinds in the seeds' shapes, plus KB notes that cite blockers, evidence and
 * tickets across packets, and a small share of planted defects so the diagnostics are not
 * trivially empty. The same (docs, seed) always yields byte-identical files.
 *
 * The manifest (`.bench/manifest.json`, inside a hidden folder that no walker reads) records
 * what was planted and where the benchmark's edit, hover and definition targets are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from './prng';

export const MANIFEST_PATH = '.bench/manifest.json';
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** Total documents: packet documents (6 per packet) plus notes. At least 12. */
  docs: number;
  seed: number;
}

/** A defect planted on purpose: the diagnostic the analysis must report, and only it. */
export interface PlantedDefect {
  path: string;
  code: string;
  what: string;
}

export interface Position {
  line: number;
  character: number;
}

export interface BenchTargets {
  /** The blocker map the benchmark opens and edits. */
  map: string;
  /** A blocker ID defined in that map and cited by other documents. */
  id: string;
  /** Where the one-character edit goes (inside the ID's definition), and what it swaps. */
  edit: { offset: number; position: Position; original: string; replacement: string };
  /** Documents other than the map whose diagnostics change when the ID disappears. */
  dependants: string[];
  /** A note citing the ID, and the position of one citation (hover, definition). */
  note: string;
  notePosition: Position;
}

export interface Manifest {
  generator: number;
  docs: number;
  seed: number;
  packets: number;
  notes: number;
  defects: PlantedDefect[];
  targets: BenchTargets;
}

export interface GeneratedWorkspace {
  /** Workspace-relative path → content, in path order. */
  files: Map<string, string>;
  manifest: Manifest;
}

// --- vocabulary ------------------------------------------------------------------------

const PROJECTS = ['fix7-p0', 'fix7-p1', 'fix8-p0', 'fix8-p2', 'fix9-p1', 'ops3-p0', 'reg2-p1', 'sec4-p0'];
const AREAS = ['architecture', 'operations', 'platform', 'data', 'security', 'release'];
// Slug words avoid the production-gated vocabulary (permit, cutover, …): a lane's name is not a claim.
const SLUG_A = ['no-production', 'staging', 'birth-blueprint', 'canonicalizer', 'operator', 'seal', 'rollback', 'snapshot', 'ticket', 'schema', 'audit', 'evidence', 'kb-index', 'probe', 'owner'];
const SLUG_B = ['implementation', 'rehearsal', 'scoping', 'pin', 'surface', 'enforcement', 'proof', 'restore', 'reservation', 'readiness', 'mapping', 'inventory', 'handover', 'catalogue', 'hardening'];
const SLUG_C = ['execution-and-review', 'review', 'closure', 'addendum', 'dry-run', 'mapping', 'lane', 'baseline', 'follow-up', 'checkpoint'];
const TICKET_PREFIXES = ['TKT-OBJ', 'TKT-OPS', 'TKT-REG'];
const NOTE_KINDS: { slug: string; title: string; tag: string }[] = [
  { slug: 'post-no-production-execution-owner-operator-note', title: 'Post No-Production Execution — Owner/Operator Note', tag: 'owner-note' },
  { slug: 'operative-blueprint', title: 'Operative Blueprint', tag: 'blueprint' },
  { slug: 'readiness-review-note', title: 'Readiness Review — Owner Note', tag: 'review' },
  { slug: 'rollback-rehearsal-note', title: 'Rollback Rehearsal — Operator Note', tag: 'rollback' },
  { slug: 'governance-addendum-note', title: 'Governance Addendum — Owner Note', tag: 'addendum' },
  { slug: 'scoping-brief', title: 'Scoping Brief', tag: 'scoping' },
];

type Topic = 'PROD-OPT4' | 'PLAN-REALRUN' | 'PROD-BIRTH-SURFACE' | 'PROD-CI-SCOPE' | 'DRYRUN-PROD-ROLLBACK' | 'PLAN-SEPARATE-AUTH' | 'PROD-SECRETS-SCOPE' | 'REGISTRY-FOLD' | 'STAGING-REHEARSAL' | 'OPERATOR-INPUT';
const OPTIONAL_TOPICS: Topic[] = ['PROD-BIRTH-SURFACE', 'PROD-CI-SCOPE', 'DRYRUN-PROD-ROLLBACK', 'PLAN-SEPARATE-AUTH', 'PROD-SECRETS-SCOPE', 'REGISTRY-FOLD', 'STAGING-REHEARSAL'];

/** A short "(what — who)" for a blocker in a note's decision list, as the seed's owner note writes them. */
const SHORT: Record<Topic, string> = {
  'PROD-OPT4': 'explicit production OPT-4 — owner',
  'PLAN-REALRUN': 'separate REAL_RUN authorization — owner',
  'PROD-BIRTH-SURFACE': 'scope the production object-birth surface — operator',
  'PROD-CI-SCOPE': 'CI/deploy scope — owner/operator',
  'DRYRUN-PROD-ROLLBACK': 'PROVE production snapshot/restore — operator',
  'PLAN-SEPARATE-AUTH': 'one authorization per gated action — owner',
  'PROD-SECRETS-SCOPE': 'list the secrets a production phase would touch — operator',
  'REGISTRY-FOLD': 'optional canonical fold of the reserved tickets — owner',
  'STAGING-REHEARSAL': 're-run the staging rehearsal — operator',
  'OPERATOR-INPUT': 'production surface map + snapshot/restore design — operator',
};

// --- the model -------------------------------------------------------------------------

interface Blocker {
  id: string;
  topic: Topic;
  item: string;
  evidence: string;
  actor_needed: string;
  next_action: string;
  blocks: string;
  status?: string;
}

interface Check {
  id: string;
  item: string;
  status: string;
  evidence?: string;
}

interface Surface {
  n: number;
  name: string;
  class: string;
  plan_ref?: string;
  evidence?: string;
  note?: string;
}

interface Plan {
  id: string;
  status: string;
  scope: string;
  evidence: string;
  procedure: string;
}

interface Reservation {
  prefix: string;
  start: number;
  end: number;
  purpose: string;
}

interface Packet {
  index: number;
  area: string;
  project: string;
  idPrefix: string;
  slug: string;
  date: string;
  /** Workspace-relative folder of the packet. */
  folder: string;
  name: string;
  /** What follows "…/" when notes cite this packet by suffix: the folder name cut after the project, if that stays unique. */
  tail: string;
  hex: string;
  blockers: Blocker[];
  byTopic: Map<Topic, Blocker>;
  checks: Check[];
  checkFor: { realRun: string; separate?: string; staging: string; firstPass: string };
  surfaces: Surface[];
  surfaceFor: { staging: number; kb: number; birth?: number; ci?: number };
  plans: Plan[];
  reservations: Reservation[];
  resolved: string[];
  /** Extra raw blockers restated from earlier packets (history carried forward). */
  restated: Blocker[];
  /** A planted reservation overlapping an earlier packet's range. */
  extraReservations: Reservation[];
  /** A planted extra evidence text for one blocker (index into blockers). */
  blockerEvidenceOverride?: { index: number; evidence: string };
  primaryNote?: Note;
}

interface Note {
  index: number;
  path: string;
  name: string;
  area: string;
  kb: string;
  date: string;
  title: string;
  kind: (typeof NOTE_KINDS)[number];
  primary: Packet;
  others: Packet[];
  related: Note[];
  /** Planted defect lines appended to the evidence section. */
  extraEvidence: string[];
  extraLinks: string[];
}

const range = (r: Reservation) => `${r.prefix}-${r.start}..${r.end}`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function addDays(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w.length <= 3 && /^(ci|kb|qt)/.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

function hexOf(prng: Prng): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += '0123456789abcdef'[prng.int(0, 15)];
  return s;
}

/** Packets and notes for a document budget: two thirds of the documents are packet documents. */
export function shape(docs: number): { packets: number; notes: number } {
  if (!Number.isInteger(docs) || docs < 12) throw new Error(`--docs must be an integer of at least 12 (got ${docs})`);
  const packets = Math.max(1, Math.round((docs * 2) / 3 / 6));
  return { packets, notes: docs - packets * 6 };
}

export function generateWorkspace(options: GenerateOptions): GeneratedWorkspace {
  const { docs, seed } = options;
  const { packets: packetCount, notes: noteCount } = shape(docs);
  const prng = new Prng(seed);
  const counters = new Map<string, number>();
  const nextId = (prefix: string, topic: string) => {
    const key = `${prefix}-${topic}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${key}-${n}`;
  };
  const ticketCursor = new Map<string, number>(TICKET_PREFIXES.map((p, i) => [p, 100 + i * 37]));
  const usedSlugs = new Set<string>();
  // Packets spread over ~300 days, several per day, in index order.
  const span = Math.min(300, Math.max(1, Math.ceil(packetCount / 2)));

  const packets: Packet[] = [];
  for (let i = 0; i < packetCount; i++) {
    const project = prng.pick(PROJECTS);
    const idPrefix = project.toUpperCase();
    let slug = `${prng.pick(SLUG_A)}-${prng.pick(SLUG_B)}-${prng.pick(SLUG_C)}`;
    // Slugs are unique workspace-wide, so a "…/<slug>-packet-<date>/" suffix names one folder.
    for (let k = 2; usedSlugs.has(slug); k++) slug = `${slug.replace(/-v[0-9]+$/, '')}-v${k}`;
    usedSlugs.add(slug);
    const date = addDays('2026-01-05', Math.floor((i * span) / packetCount));
    const area = prng.pick(AREAS);
    const name = `${project}-${slug}-packet-${date}`;
    packets.push(buildPacket(prng, { index: i, area, project, idPrefix, slug, date, name, folder: `knowledge/dev/reports/${area}/${name}` }, nextId, ticketCursor));
  }

  // "…/<slug>-packet-<date>/" must name one folder: a cut tail that another folder name also ends with falls back to the whole name.
  // A name ending with the cut ends with its date, so only packets of the same date can collide.
  const byDate = new Map<string, Packet[]>();
  for (const p of packets) {
    const same = byDate.get(p.date);
    if (same) same.push(p);
    else byDate.set(p.date, [p]);
  }
  for (const p of packets) {
    const cut = `${p.slug}-packet-${p.date}`;
    p.tail = (byDate.get(p.date) ?? []).some((o) => o !== p && o.name.endsWith(cut)) ? p.name : cut;
  }

  // History carried forward: a later map restates an earlier blocker, or resolves it.
  for (const p of packets) {
    if (p.index === 0) continue;
    if (prng.chance(0.05)) {
      const from = packets[prng.int(0, p.index - 1)] as Packet;
      const original = prng.pick(from.blockers.filter((b) => b.topic !== 'PROD-OPT4'));
      if (!p.blockers.some((b) => b.id === original.id) && !p.restated.some((b) => b.id === original.id)) {
        p.restated.push({
          ...original,
          evidence: `this map; carried forward from …/${from.tail}/production-readiness-blocker-map.json`,
          next_action: `${original.next_action} (restated from the ${from.date} packet)`,
          status: prng.chance(0.5) ? 'RESOLVED' : 'OPEN',
        });
      }
    }
    if (prng.chance(0.2)) {
      const count = prng.int(1, 2);
      for (let k = 0; k < count; k++) {
        const from = packets[prng.int(0, p.index - 1)] as Packet;
        const id = prng.pick(from.blockers.filter((b) => b.topic !== 'PROD-OPT4')).id;
        if (!p.resolved.includes(id) && !p.restated.some((b) => b.id === id)) p.resolved.push(id);
      }
    }
  }

  // Notes: each packet is some notes' primary packet; every note cites a few others.
  const notes: Note[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < noteCount; i++) {
    const primary = packets[i % packetCount] as Packet;
    const kind = NOTE_KINDS[Math.floor(i / packetCount) % NOTE_KINDS.length] ?? prng.pick(NOTE_KINDS);
    let base = `${primary.project}-${kind.slug}-${primary.slug}-${primary.date}`;
    for (let k = 2; usedNames.has(base); k++) base = `${primary.project}-${kind.slug}-${primary.slug}-r${k}-${primary.date}`;
    usedNames.add(base);
    const name = `${base}.md`;
    // The packets but the primary, as prng.sample of that list would pick them.
    const others = prng.sampleIndices(packetCount - 1, prng.int(1, 3)).map((k) => packets[k < primary.index ? k : k + 1] as Packet);
    const [proj, phase] = primary.project.toUpperCase().split('-') as [string, string];
    const note: Note = {
      index: i,
      path: `knowledge/dev/reports/${primary.area}/${name}`,
      name,
      area: primary.area,
      kb: `KB-${(0x3d80 + i).toString(16).toUpperCase()}`,
      date: primary.date,
      title: `${proj} ${phase} — ${kind.title} — ${titleCase(primary.slug)} (${primary.date})`,
      kind,
      primary,
      others,
      related: notes.length === 0 ? [] : prng.sample(notes.slice(Math.max(0, notes.length - 200)), prng.int(1, 3)),
      extraEvidence: [],
      extraLinks: [],
    };
    primary.primaryNote ??= note;
    notes.push(note);
  }

  // Surfaces that cite the packet's own note by bare name (as seed 003's inventory does).
  for (const p of packets) {
    const kbSurface = p.surfaces.find((s) => s.n === p.surfaceFor.kb);
    if (kbSurface && p.primaryNote) {
      kbSurface.name = `operator/owner note for this packet (${p.primaryNote.name})`;
      kbSurface.evidence = p.primaryNote.name;
    }
  }

  // Render once clean to find the benchmark's targets, then plant the defects elsewhere.
  const target = chooseTarget(packets, notes);
  const defects = plantDefects(prng, docs, packets, notes, target);

  const files = new Map<string, string>();
  for (const p of packets) for (const [file, text] of renderPacket(p)) files.set(`${p.folder}/${file}`, text);
  for (const n of notes) files.set(n.path, renderNote(n));
  const targets = locateTargets(files, target);
  const manifest: Manifest = { generator: GENERATOR_VERSION, docs, seed, packets: packetCount, notes: noteCount, defects, targets };
  files.set(MANIFEST_PATH, json(manifest));
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, manifest };
}

// --- packets ---------------------------------------------------------------------------

function buildPacket(
  prng: Prng,
  base: Pick<Packet, 'index' | 'area' | 'project' | 'idPrefix' | 'slug' | 'date' | 'name' | 'folder'>,
  nextId: (prefix: string, topic: string) => string,
  ticketCursor: Map<string, number>,
): Packet {
  const px = base.idPrefix;
  const hex = hexOf(prng);
  const lane = base.slug.replace(/-/g, ' ');

  // Reservations first: several documents mention the ranges.
  const reservations: Reservation[] = [];
  for (const prefix of prng.sample(TICKET_PREFIXES, prng.int(1, 2))) {
    const start = (ticketCursor.get(prefix) ?? 100) + prng.int(0, 15);
    const size = prng.int(10, 40);
    ticketCursor.set(prefix, start + size);
    reservations.push({ prefix, start, end: start + size - 1, purpose: `${prefix === 'TKT-OBJ' ? 'object' : prefix === 'TKT-OPS' ? 'operations' : 'registry'} tickets for the ${lane} lane (${size} tickets)` });
  }
  const firstRange = range(reservations[0] as Reservation);

  const topics: Topic[] = ['PROD-OPT4', 'PLAN-REALRUN', ...prng.sample(OPTIONAL_TOPICS, prng.int(2, 5)), 'OPERATOR-INPUT'];
  const ids = new Map<Topic, string>(topics.map((t) => [t, nextId(px, t)]));
  const has = (t: Topic) => ids.has(t);

  // Mutation inventory.
  const surfaces: Surface[] = [];
  const add = (s: Omit<Surface, 'n'>) => {
    surfaces.push({ n: surfaces.length + 1, ...s });
    return surfaces.length;
  };
  const kb = add({ name: 'operator/owner note for this packet', class: 'KB_ADDITIVE', note: 'new document; additive; reversible by removing the note' });
  add({ name: `governance addendum reserving ${firstRange}`, class: 'KB_ADDITIVE', evidence: 'ticket-reservations.json', note: 'standalone addendum only; not folded into the canonical registry/index' });
  if (prng.chance(0.6)) add({ name: 'this evidence packet and the owner/operator note', class: 'KB_ADDITIVE', note: 'new documents only; no existing KB document edited' });
  const staging = add({ name: 'staging rollback harness', class: 'STAGING_ONLY', evidence: 'rollback-recovery-design.json RB-STAGING PROVEN' });
  let birth: number | undefined;
  let ci: number | undefined;
  const planIds: { birth?: string; ci?: string } = {};
  if (has('PROD-BIRTH-SURFACE')) {
    planIds.birth = nextId(px, 'PLAN-SURFACE');
    birth = add({ name: 'production object-birth pipeline (birth_registry / Directus row creation)', class: 'PRODUCTION_UNKNOWN_NEEDS_SCOPING', plan_ref: planIds.birth, note: `UNKNOWN/unscoped and not touched; blocker ${ids.get('PROD-BIRTH-SURFACE')}` });
  }
  const forbidden = [
    { name: 'P7-pinned canonicalizer (rev3)', class: 'FORBIDDEN', note: 'not edited; editing it would break the pin; operative status is additive' },
    { name: 'production PG / Directus / system_issues / registry rows', class: 'FORBIDDEN', note: 'no production mutation in this macro' },
    { name: 'secrets and credentials', class: 'FORBIDDEN', note: 'no secrets change in this macro' },
    { name: `recorded evidence (evidence packet tree ${hex}… and earlier packets)`, class: 'FORBIDDEN', note: 'no evidence deletion' },
  ];
  const forbiddenNs: number[] = [];
  for (const f of prng.sample(forbidden, prng.int(1, 4))) forbiddenNs.push(add(f));
  if (has('PROD-CI-SCOPE')) {
    planIds.ci = nextId(px, 'PLAN-SURFACE');
    ci = add({ name: 'CI/deploy enforcement scope of the blueprint (seal-vs-bytes check)', class: 'CONFIG_UNKNOWN_NEEDS_SCOPING', plan_ref: planIds.ci, note: `UNKNOWN and not touched; blocker ${ids.get('PROD-CI-SCOPE')}` });
  }

  // Precondition checklist.
  const checks: Check[] = [];
  const check = (c: Omit<Check, 'id'>) => {
    const id = `PC-${checks.length + 1}`;
    checks.push({ id, ...c });
    return id;
  };
  const firstPass = check({ item: 'no-production delegation AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION is recorded in the authority lock (scope no-production only)', status: 'PASS', evidence: 'delegation-and-authority-lock.json' });
  if (prng.chance(0.8)) check({ item: 'mandatory hardened rollback gate', status: 'PASS', evidence: `hardened rollback gate run recorded in evidence packet tree ${hex}…` });
  if (prng.chance(0.7)) check({ item: 'execution bad-input probes fail closed', status: 'PASS', evidence: `15/15 execution bad-input probes fail-closed; evidence packet tree ${hex}…` });
  const stagingCheck = check({ item: 'staging rollback proven', status: 'PASS', evidence: 'rollback-recovery-design.json RB-STAGING PROVEN' });
  if (prng.chance(0.7)) check({ item: 'post-execution review clean and evidence packet tree recorded', status: 'PASS', evidence: `post-execution review clean; evidence packet tree ${hex}…` });
  check({ item: 'nothing production was touched; forbidden surfaces left untouched', status: 'PASS', evidence: 'mutation-inventory.json forbidden surfaces; production-readiness-blocker-map.json' });
  if (prng.chance(0.5)) check({ item: `ticket range ${firstRange} reserved in the standalone governance addendum`, status: 'PASS', evidence: 'ticket-reservations.json' });
  if (prng.chance(0.3)) check({ item: 'canonical registry/index fold of the reserved tickets', status: 'N/A', evidence: 'standalone addendum only; the fold is an optional owner decision' });
  const realRun = check({ item: 'REAL_RUN requires its own explicit owner grant', status: 'FAIL', evidence: `delegation-and-authority-lock.json; REAL_RUN stays withheld pending ${ids.get('PLAN-REALRUN')}` });
  const separate = has('PLAN-SEPARATE-AUTH')
    ? check({ item: 'QT001/apply, permit, activation, repoint, cutover each require separate authorization', status: 'FAIL', evidence: `delegation-and-authority-lock.json; each action stays withheld pending ${ids.get('PLAN-SEPARATE-AUTH')}` })
    : undefined;

  // Rollback/recovery design.
  const plans: Plan[] = [
    { id: 'RB-KB', status: 'PROVEN', scope: 'KB-additive documents (owner note, governance addendum, this packet)', evidence: `mutation-inventory.json surface ${kb} KB_ADDITIVE; mutation-inventory.json surface 2 KB_ADDITIVE`, procedure: 'remove the added documents; no existing document was edited' },
    { id: 'RB-STAGING', status: 'PROVEN', scope: 'staging rollback harness', evidence: `mutation-inventory.json surface ${staging} STAGING_ONLY; precondition-checklist.json ${stagingCheck} PASS`, procedure: 'staging snapshot and restore, exercised in this macro' },
    { id: 'RB-PROD', status: 'TBD', scope: 'production PG/Directus snapshot+restore', evidence: has('DRYRUN-PROD-ROLLBACK') ? `not established; blocker ${ids.get('DRYRUN-PROD-ROLLBACK')}` : 'not established', procedure: 'to be designed and proven by the operator before any production phase' },
  ];
  if (ci !== undefined) plans.push({ id: 'RB-CONFIG', status: 'TBD', scope: 'CI/deploy configuration', evidence: `mutation-inventory.json surface ${ci} CONFIG_UNKNOWN_NEEDS_SCOPING (${planIds.ci})`, procedure: 'to be designed once the CI scope is decided' });

  // Blocker map.
  const blockers: Blocker[] = topics.map((topic) => {
    const id = ids.get(topic) as string;
    switch (topic) {
      case 'PROD-OPT4':
        return { id, topic, item: 'production-scope owner OPT-4 (the no-production grant does NOT extend to production)', evidence: 'delegation-and-authority-lock.json; post-fold owner note option 2', actor_needed: 'owner', next_action: 'explicit production-execution authorization, after the surface/rollback blockers above are scoped', blocks: 'production' };
      case 'PLAN-REALRUN':
        return { id, topic, item: 'REAL_RUN requires its own explicit owner grant', evidence: `precondition-checklist.json ${realRun} FAIL`, actor_needed: 'owner', next_action: 'separate REAL_RUN authorization (not implied by seal/OPT-4/no-production grant)', blocks: 'REAL_RUN' };
      case 'PROD-BIRTH-SURFACE':
        return { id, topic, item: 'production object-birth pipeline surface (birth_registry / Directus row creation) is UNKNOWN/unscoped', evidence: `mutation-inventory.json surface ${birth} PRODUCTION_UNKNOWN_NEEDS_SCOPING (${planIds.birth})`, actor_needed: 'owner + operator (scope the exact production surface; not invented)', next_action: 'operator scopes whether/where birth-blueprint execution writes a production birth row', blocks: 'production' };
      case 'PROD-CI-SCOPE':
        return { id, topic, item: 'CI/deploy enforcement scope of the blueprint is UNKNOWN', evidence: `mutation-inventory.json surface ${ci} CONFIG_UNKNOWN_NEEDS_SCOPING (${planIds.ci})`, actor_needed: 'owner + operator', next_action: 'decide whether a seal-vs-bytes CI check is desired; design in a throwaway branch first', blocks: 'production-ci' };
      case 'DRYRUN-PROD-ROLLBACK':
        return { id, topic, item: 'production rollback proof (PG/Directus snapshot+restore) NOT established', evidence: 'rollback-recovery-design.json RB-PROD TBD; post-fold owner note standing blocker', actor_needed: 'operator (+ separate production authorization)', next_action: 'design and PROVE production snapshot/restore before any production apply', blocks: 'production' };
      case 'PLAN-SEPARATE-AUTH':
        return { id, topic, item: 'QT001/apply, permit, activation, repoint, cutover each require separate authorization', evidence: `precondition-checklist.json ${separate} FAIL`, actor_needed: 'owner', next_action: 'obtain a distinct explicit authorization per action before any is attempted', blocks: 'cutover/apply/permit/activation/repoint' };
      case 'PROD-SECRETS-SCOPE':
        return { id, topic, item: 'which secrets and credentials a production phase would touch is UNKNOWN', evidence: `mutation-inventory.json forbidden surfaces; mutation-inventory.json surface ${forbiddenNs[0]} FORBIDDEN`, actor_needed: 'operator', next_action: 'operator lists the secrets a future production phase would need; no secrets change in this macro', blocks: 'production' };
      case 'REGISTRY-FOLD':
        return { id, topic, item: `canonical registry/index fold of ${firstRange} is not done (standalone addendum only)`, evidence: 'ticket-reservations.json; post-fold owner note option 2', actor_needed: 'owner', next_action: `owner decides whether to fold ${firstRange} into the canonical registry (optional)`, blocks: 'registry-fold' };
      case 'STAGING-REHEARSAL':
        return { id, topic, item: 'staging rehearsal of the rollback harness must be repeated after the next schema change', evidence: `rollback-recovery-design.json RB-STAGING PROVEN; precondition-checklist.json ${stagingCheck} PASS`, actor_needed: 'operator', next_action: 'operator repeats the staging rehearsal and records the evidence packet tree', blocks: 'staging' };
      case 'OPERATOR-INPUT':
        return { id, topic, item: 'operator input needed to scope production surfaces + rollback before any production phase', evidence: 'this map; mutation-inventory.json forbidden surfaces', actor_needed: 'operator', next_action: `operator provides production surface map + snapshot/restore design as input to ${ids.get('PROD-OPT4')}`, blocks: 'production' };
    }
  });

  return {
    ...base,
    tail: base.name,
    hex,
    blockers,
    byTopic: new Map(blockers.map((b) => [b.topic, b])),
    checks,
    checkFor: { realRun, staging: stagingCheck, firstPass, ...(separate ? { separate } : {}) },
    surfaces,
    surfaceFor: { staging, kb, ...(birth !== undefined ? { birth } : {}), ...(ci !== undefined ? { ci } : {}) },
    plans,
    reservations,
    resolved: [],
    restated: [],
    extraReservations: [],
  };
}

function renderPacket(p: Packet): [string, string][] {
  const doc = (kind: string) => `${p.project}-${kind}`;
  const blockerJson = (b: Blocker, evidence = b.evidence) => ({
    id: b.id,
    item: b.item,
    evidence,
    actor_needed: b.actor_needed,
    next_action: b.next_action,
    blocks: b.blocks,
    ...(b.status ? { status: b.status } : {}),
  });
  const override = p.blockerEvidenceOverride;
  const map = {
    doc: doc('production-readiness-blocker-map'),
    date: p.date,
    authority: 'blocker map only; resolves nothing; production work is NOT performed in this macro',
    purpose: 'Enumerate what a FUTURE, separately-authorized production phase still needs. None of these is resolved here.',
    blockers: [...p.blockers.map((b, i) => blockerJson(b, override?.index === i ? override.evidence : b.evidence)), ...p.restated.map((b) => blockerJson(b))],
    resolved_in_this_macro: p.resolved,
    production_work_performed: false,
    note: 'Per the macro, production blockers are NOT resolved here. The no-production lane is complete and isolated; production remains a separate, owner/operator-gated phase.',
  };
  const withheld: { action: string; needs?: string }[] = [
    { action: 'production', needs: p.byTopic.get('PROD-OPT4')?.id as string },
    { action: 'REAL_RUN', needs: p.byTopic.get('PLAN-REALRUN')?.id as string },
    { action: 'QT001/apply', ...(p.byTopic.has('PLAN-SEPARATE-AUTH') ? { needs: p.byTopic.get('PLAN-SEPARATE-AUTH')?.id } : {}) },
    { action: 'permit' },
    { action: 'activation' },
    { action: 'repoint' },
    { action: 'cutover' },
    { action: 'CI/deploy', ...(p.byTopic.has('PROD-CI-SCOPE') ? { needs: p.byTopic.get('PROD-CI-SCOPE')?.id } : {}) },
  ];
  const lock = {
    doc: doc('delegation-and-authority-lock'),
    date: p.date,
    authority: 'lock: the only record of grants for this packet',
    purpose: "Record the owner's no-production delegation for this macro and the production-gated actions that stay withheld until separately granted.",
    grants: [
      {
        id: 'AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION',
        scope: 'no-production',
        actions: ['implementation-execution', 'kb-additive-docs', 'staging-rollback'],
        granted_by: 'owner',
        delegated_to: 'GPT',
        date: p.date,
      },
    ],
    withheld,
  };
  const checklist = {
    doc: doc('precondition-checklist'),
    date: p.date,
    authority: 'checklist only; records preconditions and grants nothing',
    purpose: 'Preconditions of the no-production implementation execution lane, and the ones that stay FAIL for every production-gated action.',
    checks: p.checks,
    note: `${p.checkFor.realRun}${p.checkFor.separate ? ` and ${p.checkFor.separate} are` : ' is'} expected to FAIL: the no-production grant does not extend to REAL_RUN or to any production-gated action.`,
  };
  const inventory = {
    doc: doc('mutation-inventory'),
    date: p.date,
    authority: 'inventory only; classifies surfaces and grants nothing',
    purpose: 'Every surface the no-production lane could touch, classified; the unknown production-side surfaces carry the plan IDs that will scope them.',
    surfaces: p.surfaces,
  };
  const rollback = {
    doc: doc('rollback-recovery-design'),
    date: p.date,
    authority: 'design record only; proves nothing for production',
    purpose: 'How each class of change in this macro is rolled back, and what a future production phase would still need.',
    plans: p.plans,
  };
  const tickets = {
    doc: doc('ticket-reservations'),
    date: p.date,
    authority: 'governance addendum: reservation only; standalone, not folded into the canonical registry/index',
    purpose: `Reserve the tickets for the ${p.slug.replace(/-/g, ' ')} lane so no other packet takes them.`,
    reservations: [...p.reservations, ...p.extraReservations].map((r) => ({ range: range(r), status: 'PROPOSED', apply_now: false, folded: false, purpose: r.purpose })),
    note: 'The canonical registry/index fold is an optional owner decision (owner note option 2); it is not done here.',
  };
  return [
    ['production-readiness-blocker-map.json', json(map)],
    ['delegation-and-authority-lock.json', json(lock)],
    ['precondition-checklist.json', json(checklist)],
    ['mutation-inventory.json', json(inventory)],
    ['rollback-recovery-design.json', json(rollback)],
    ['ticket-reservations.json', json(tickets)],
  ];
}

// --- notes -----------------------------------------------------------------------------

/** A path from one workspace folder to a workspace file, as a note's Markdown link writes it. */
function relativeLink(fromFolder: string, to: string): string {
  return path.posix.relative(fromFolder, to);
}

function noteFolder(n: Note): string {
  return `knowledge/dev/reports/${n.area}`;
}

function evidenceLines(n: Note, p: Packet, local: boolean): string[] {
  // The primary packet sits next to the note (folder-relative); others by workspace-root path or by "…/" suffix.
  const at = (file: string) => (local ? `${p.name}/${file}` : `${p.folder}/${file}`);
  const lines: string[] = [];
  const birth = p.byTopic.get('PROD-BIRTH-SURFACE');
  if (birth && p.surfaceFor.birth !== undefined) {
    const plan = p.surfaces.find((s) => s.n === p.surfaceFor.birth)?.plan_ref;
    lines.push(`Production object-birth pipeline: ${at('mutation-inventory.json')} surface ${p.surfaceFor.birth} PRODUCTION_UNKNOWN_NEEDS_SCOPING (${plan}); blocker ${birth.id}.`);
  }
  const ci = p.byTopic.get('PROD-CI-SCOPE');
  if (ci && p.surfaceFor.ci !== undefined) {
    const plan = p.surfaces.find((s) => s.n === p.surfaceFor.ci)?.plan_ref;
    lines.push(`CI/deploy enforcement scope: ${at('mutation-inventory.json')} surface ${p.surfaceFor.ci} CONFIG_UNKNOWN_NEEDS_SCOPING (${plan}); blocker ${ci.id}.`);
  }
  lines.push(`REAL_RUN stays withheld: ${at('precondition-checklist.json')} ${p.checkFor.realRun} FAIL; blocker ${p.byTopic.get('PLAN-REALRUN')?.id}.`);
  if (local || n.index % 2 === 0) lines.push(`Staging rollback: ${at('rollback-recovery-design.json')} RB-STAGING PROVEN; ${at('precondition-checklist.json')} ${p.checkFor.staging} PASS.`);
  const dryrun = p.byTopic.get('DRYRUN-PROD-ROLLBACK');
  if (dryrun) lines.push(`Production rollback: ${at('rollback-recovery-design.json')} RB-PROD TBD; blocker ${dryrun.id}.`);
  if (local) lines.push(`Forbidden surfaces left untouched: ${at('mutation-inventory.json')} forbidden surfaces.`);
  if (!local) lines.push(`Blocker map of that packet: …/${p.tail}/production-readiness-blocker-map.json.`);
  return lines;
}

function renderNote(n: Note): string {
  const p = n.primary;
  const [proj, phase] = p.project.split('-') as [string, string];
  const folder = noteFolder(n);
  const r0 = range(p.reservations[0] as Reservation);
  const token = `${p.project}_${p.slug}`.toUpperCase().replace(/-/g, '_');
  const minutes = 2 + (n.index % 4);
  const cited: Blocker[] = [...p.blockers];
  for (const o of n.others) {
    cited.push(o.byTopic.get('PROD-OPT4') as Blocker);
    const extra = o.blockers.find((b) => b.topic !== 'PROD-OPT4' && b.topic !== 'OPERATOR-INPUT');
    if (extra && n.index % 3 !== 0) cited.push(extra);
  }
  const related = n.related.map((r) => `- [${r.title}](${relativeLink(folder, r.path)})`);
  const lines = [
    n.kb,
    '',
    `# ${n.title}`,
    '',
    `${minutes} min read Revision ${1 + (n.index % 3)}`,
    `Tags: tool-kiem-thu · ${proj} · ${phase} · no-production · ${n.kind.tag} · ${n.date}`,
    '<!-- DOC_STATUS: ACTIVE_NON_AUTHORITY -->',
    '',
    `# ${n.title}`,
    '',
    '## Status line',
    '',
    `- ${titleCase(p.slug)} (no-production): DONE / APPLIED \`${token}_APPLIED\`.`,
    '- Production: BLOCKED (unchanged; nothing production was touched).',
    '- Default for production: HOLD.',
    '',
    '## What was done (no-production, KB/governance only)',
    '',
    `Under the GPT-delegated AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION, two additive KB documents were created and the lane was fully closed with evidence in the [${p.slug.replace(/-/g, ' ')} packet](${p.name}/production-readiness-blocker-map.json):`,
    '',
    `1. ${n.kind.title} (${n.name}) — this note; additive; reversible by removing it; explicitly blocks production.`,
    `2. Governance addendum — reserves ${r0} (PROPOSED, APPLY_NOW=NO); see the [ticket reservations](${p.name}/ticket-reservations.json).`,
    '',
    `Mandatory hardened rollback gate PASS; 15/15 execution bad-input probes fail-closed; staging rollback proven; post-execution review clean; evidence packet tree ${p.hex}….`,
    '',
    '## Evidence',
    '',
    ...evidenceLines(n, p, true).map((l) => `- ${l}`),
    ...n.others.flatMap((o) => evidenceLines(n, o, false).map((l) => `- ${l}`)),
    ...n.extraEvidence.map((l) => `- ${l}`),
    '',
    '## What was deliberately NOT done',
    '',
    '- No production mutation, no PG/Directus/system_issues/registry-row, no CI/deploy, no REAL_RUN, no QT001/apply, no permit/activation/repoint/cutover, no secrets change, no evidence deletion.',
    '- No canonical registry/index fold (standalone addendum only).',
    '',
    '## Decision options for the owner',
    '',
    '1. HOLD (default, recommended) — the no-production lane is complete; do nothing further until you choose to scope a production phase.',
    `2. Apply the canonical fold of ${r0} — owner/GPT-only governance bookkeeping (optional).`,
    '3. Authorize a production phase — only after the production blockers are resolved:',
    ...cited.map((b) => `   - ${b.id} (${SHORT[b.topic]});`),
    '   - separate REAL_RUN, QT001/apply, permit/activation/repoint/cutover grants (owner). The no-production grant does not extend to production.',
    '',
    ...(related.length + n.extraLinks.length > 0 ? ['## Related notes', '', ...related, ...n.extraLinks, ''] : []),
    '## Standing production blockers (owner/operator only)',
    '',
    `See …/${p.tail}/production-readiness-blocker-map.json.`,
    '',
    `Back to Knowledge Hub ${n.path}`,
    '',
  ];
  return lines.join('\n');
}

// --- targets and defects ---------------------------------------------------------------

interface Target {
  packet: Packet;
  blocker: Blocker;
}

/** The packet whose OPT-4 blocker the most notes cite (earliest on ties), never restated or resolved elsewhere. */
function chooseTarget(packets: Packet[], notes: Note[]): Target {
  const carried = new Set(packets.flatMap((p) => [...p.resolved, ...p.restated.map((b) => b.id)]));
  const citations = new Map<Packet, number>();
  for (const n of notes) {
    citations.set(n.primary, (citations.get(n.primary) ?? 0) + 1);
    for (const o of n.others) citations.set(o, (citations.get(o) ?? 0) + 1);
  }
  let best: Packet | undefined;
  for (const p of packets) {
    const id = p.byTopic.get('PROD-OPT4')?.id as string;
    if (carried.has(id)) continue;
    if (!best || (citations.get(p) ?? 0) > (citations.get(best) ?? 0)) best = p;
  }
  if (!best) throw new Error('no packet can be the edit target');
  return { packet: best, blocker: best.byTopic.get('PROD-OPT4') as Blocker };
}

/**
 * About 2% of the documents get exactly one defect each, never in the edit target's packet
 * or in a document that cites the target (so the edit measurements see only the edit).
 */
function plantDefects(prng: Prng, docs: number, packets: Packet[], notes: Note[], target: Target): PlantedDefect[] {
  const count = Math.max(8, Math.round(docs * 0.02));
  const targetId = target.blocker.id;
  const citesTarget = (n: Note) => n.primary === target.packet || n.others.includes(target.packet);
  const freeNotes = prng.sample(
    notes.filter((n) => !citesTarget(n)),
    notes.length,
  );
  const freePackets = prng.sample(
    packets.filter((p) => p !== target.packet && !p.resolved.includes(targetId)),
    packets.length,
  );
  const usedNotes = new Set<Note>();
  const usedPackets = new Set<string>(); // `${packet.index}/${file}`
  const kinds = ['unknown-id', 'evidence-missing-file', 'evidence-missing-anchor', 'evidence-status-mismatch', 'ticket-range-overlap', 'unknown-id-resolved', 'evidence-missing-link', 'evidence-missing-anchor-map'] as const;
  const defects: PlantedDefect[] = [];
  const takeNote = () => {
    const n = freeNotes.find((x) => !usedNotes.has(x));
    if (n) usedNotes.add(n);
    return n;
  };
  const takePacket = (file: string, ok: (p: Packet) => boolean = () => true) => {
    const p = freePackets.find((x) => !usedPackets.has(`${x.index}/${file}`) && ok(x));
    if (p) usedPackets.add(`${p.index}/${file}`);
    return p;
  };
  for (let i = 0; defects.length < count && i < count * 4; i++) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    switch (kind) {
      case 'unknown-id': {
        const n = takeNote();
        if (!n) break;
        const ghost = `${n.primary.idPrefix}-PROD-OPT4-LEGACY-${n.index + 1}`;
        n.extraEvidence.push(`Carried over from an earlier lane: ${ghost} (owner).`);
        defects.push({ path: n.path, code: 'unknown-id', what: `cites ${ghost}, which nothing defines` });
        break;
      }
      case 'evidence-missing-file': {
        const n = takeNote();
        if (!n) break;
        n.extraEvidence.push(`Earlier checklist: ${n.primary.name}/precondition-checklist-v2.json ${n.primary.checkFor.firstPass} PASS.`);
        defects.push({ path: n.path, code: 'evidence-missing-file', what: 'cites precondition-checklist-v2.json, which does not exist' });
        break;
      }
      case 'evidence-missing-link': {
        const n = takeNote();
        if (!n) break;
        n.extraLinks.push(`- [superseded owner note](superseded-${n.name})`);
        defects.push({ path: n.path, code: 'evidence-missing-file', what: `links superseded-${n.name}, which does not exist` });
        break;
      }
      case 'evidence-missing-anchor': {
        const n = takeNote();
        if (!n) break;
        const missing = n.primary.surfaces.length + 3;
        n.extraEvidence.push(`Unscoped surface: ${n.primary.name}/mutation-inventory.json surface ${missing} PRODUCTION_UNKNOWN_NEEDS_SCOPING.`);
        defects.push({ path: n.path, code: 'evidence-missing-anchor', what: `cites surface ${missing}, which the inventory does not have` });
        break;
      }
      case 'evidence-missing-anchor-map': {
        const p = takePacket('production-readiness-blocker-map.json');
        if (!p) break;
        const missing = `PC-${p.checks.length + 5}`;
        const index = p.blockers.findIndex((b) => b.topic === 'PLAN-REALRUN');
        p.blockerEvidenceOverride = { index, evidence: `precondition-checklist.json ${missing} FAIL` };
        defects.push({ path: `${p.folder}/production-readiness-blocker-map.json`, code: 'evidence-missing-anchor', what: `cites ${missing}, which the checklist does not have` });
        break;
      }
      case 'evidence-status-mismatch': {
        const n = takeNote();
        if (!n) break;
        n.extraEvidence.push(`Delegation recorded: ${n.primary.name}/precondition-checklist.json ${n.primary.checkFor.firstPass} FAIL.`);
        defects.push({ path: n.path, code: 'evidence-status-mismatch', what: `states ${n.primary.checkFor.firstPass} FAIL; the checklist says PASS` });
        break;
      }
      case 'unknown-id-resolved': {
        const p = takePacket('production-readiness-blocker-map.json', (x) => x.blockerEvidenceOverride === undefined);
        if (!p) break;
        const ghost = `${p.idPrefix}-PROD-CI-SCOPE-LEGACY-${p.index + 1}`;
        p.resolved.push(ghost);
        defects.push({ path: `${p.folder}/production-readiness-blocker-map.json`, code: 'unknown-id', what: `resolved_in_this_macro lists ${ghost}, which no map defines` });
        break;
      }
      case 'ticket-range-overlap': {
        // Overlap strictly inside an earlier-dated packet's range: one finding, on the later entry.
        const p = takePacket('ticket-reservations.json', (x) => packets.some((v) => v.date < x.date));
        if (!p) break;
        const victims = packets.filter((v) => v.date < p.date);
        const victim = victims[prng.int(0, victims.length - 1)] as Packet;
        const r = victim.reservations[0] as Reservation;
        p.extraReservations.push({ prefix: r.prefix, start: r.start + 2, end: r.end - 1, purpose: 'late reservation restating part of an earlier lane (collides)' });
        defects.push({ path: `${p.folder}/ticket-reservations.json`, code: 'ticket-range-overlap', what: `overlaps ${range(r)} of ${victim.name}` });
        break;
      }
    }
  }
  return defects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function locateTargets(files: Map<string, string>, target: Target): BenchTargets {
  const map = `${target.packet.folder}/production-readiness-blocker-map.json`;
  const id = target.blocker.id;
  const mapText = files.get(map) as string;
  const definition = mapText.indexOf(`"id": "${id}"`);
  if (definition < 0) throw new Error(`target ${id} not found in ${map}`);
  // One character of the ID's definition: the "O" of "OPT4" becomes "Q" (an undefined ID) and back.
  const offset = definition + '"id": "'.length + id.indexOf('OPT4');
  // Boundaries as the ID scanner's: no longer ID ("-12" after "-1") or file name after it.
  const cites = new RegExp(`(?<![A-Za-z0-9_-])${id.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_]|-[A-Za-z0-9]|\\.[A-Za-z0-9])`);
  const dependants = [...files.entries()].filter(([p, text]) => p !== map && cites.test(text)).map(([p]) => p).sort();
  const note = dependants.find((p) => p.endsWith('.md'));
  if (!note) throw new Error(`no note cites ${id}`);
  const noteText = files.get(note) as string;
  const match = cites.exec(noteText.slice(noteText.indexOf('## Decision options')));
  const noteOffset = noteText.indexOf('## Decision options') + (match?.index ?? 0) + 2;
  return { map, id, edit: { offset, position: positionAt(mapText, offset), original: 'O', replacement: 'Q' }, dependants, note, notePosition: positionAt(noteText, noteOffset) };
}

// --- writing ---------------------------------------------------------------------------

/** Writes a generated workspace into `dir`, replacing an earlier generated one; refuses any other non-empty folder. */
export function writeWorkspace(dir: string, generated: GeneratedWorkspace): void {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0) {
      if (!fs.existsSync(path.join(dir, MANIFEST_PATH))) throw new Error(`${dir} exists and was not written by the benchmark generator; choose another --out`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const made = new Set<string>();
  for (const [relative, text] of generated.files) {
    const file = path.join(dir, relative);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(file, text);
  }
}

/** The manifest of a generated workspace on disk, or undefined when there is none (or it is stale). */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_PATH), 'utf8')) as Manifest;
    return manifest.generator === GENERATOR_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The default folder of a workspace: bench/workspaces/<docs>-<seed>. */
export function defaultWorkspaceDir(repoRoot: string, docs: number, seed: number): string {
  return path.join(repoRoot, 'bench', 'workspaces', `${docs}-${seed}`);
}

/** Generates the workspace into `dir` unless an up-to-date one is already there. */
export function ensureWorkspace(dir: string, docs: number, seed: number): Manifest {
  const existing = readManifest(dir);
  if (existing && existing.docs === docs && existing.seed === seed) return existing;
  const generated = generateWorkspace({ docs, seed });
  writeWorkspace(dir, generated);
  return generated.manifest;
}
