/**
 * The words the production-grant detector reads (domain spec §5), as plain data.
 *
 * Phrases are lower case, words separated by single spaces, and are matched on whole
 * tokens (a token may itself contain `-`, `/` or `_`, e.g. `qt001/apply`, `no-production`).
 * A `.govlens.json` can add to every list through {@link VocabularyExtension}.
 *
 * Canonical action names are the strings an authority lock writes in `actions` and
 * `withheld[].action`. `production` covers every other action (spec §3.2); the others are:
 * `production-mutation` (PG/Directus writes, birth rows), `REAL_RUN`, `QT001/apply`, `permit`,
 * `activation`, `repoint`, `cutover`, `CI/deploy`, `go-live` (also rollout), `OPT-4` (the
 * production-scope owner option) and `secrets-change`.
 *
 * It stays one file past 300 lines on purpose (issue 14): it is one data table (the lists, their
 * shape, and how an extension adds to them), with no rule in it, so every word the detector can
 * claim on is read in one place and a `.govlens.json` extends exactly what is here.
 */

export const CANONICAL_ACTIONS = [
  'production',
  'production-mutation',
  'REAL_RUN',
  'QT001/apply',
  'permit',
  'activation',
  'repoint',
  'cutover',
  'CI/deploy',
  'go-live',
  'OPT-4',
  'secrets-change',
] as const;

export interface ActionForms {
  /** Names of the action used as a noun or in a status line ("the cutover", "Cutover: GO"). */
  readonly nouns: readonly string[];
  /** Base verbs for doing it, read as the action after a permission modal ("may activate"). */
  readonly verbs?: readonly string[];
  /** Forms that both name the action and say it happened ("activated", "went live"). */
  readonly performed?: readonly string[];
  /**
   * Forms too common to name the action alone ("apply", "mutation"): they count only in a
   * clause that also mentions production.
   */
  readonly weak?: readonly string[];
}

export interface GrantVocabulary {
  readonly actions: Readonly<Record<string, ActionForms>>;
  /** Words naming production itself; a modifier before a specific action merges into it. */
  readonly productionWords: readonly string[];
  /** Modifiers that scope the next action to production without being an action themselves. */
  readonly productionModifiers: readonly string[];
  /** Nouns that turn a preceding "production" into a mere modifier ("production blockers"). */
  readonly nonActionHeads: readonly string[];

  /** Participles and states asserting a grant ("approved", "green-lit", "in place"). */
  readonly grantCues: readonly string[];
  /** Present-tense grant verbs; only cues when used as verbs ("the owner approves the cutover"). */
  readonly presentGrantVerbs: readonly string[];
  /** "covers", "extends to": a grant only when a grant noun is the subject. */
  readonly extensionCues: readonly string[];
  readonly grantNouns: readonly string[];
  /** Nouns that are themselves the grant ("the owner's OK", "the go-ahead"). */
  readonly nounCues: readonly string[];
  /** Cues that only count in upper case, because the lower-case word is ordinary prose ("GO"). */
  readonly upperCaseCues: readonly string[];
  /** Cues that lift a block; a clause holding one is not negated by its blocking words. */
  readonly unblockCues: readonly string[];
  /** Past-fact verbs: doing a gated action implies it was allowed. */
  readonly performanceCues: readonly string[];
  /** Performance forms that equal a base form or adjective, so need a be/have before them. */
  readonly auxiliaryPerformanceCues: readonly string[];
  /** Intransitive or predicative cues: they speak of what precedes them, never of what follows. */
  readonly backwardOnlyCues: readonly string[];
  readonly permissionModals: readonly string[];
  /** Verbs after a permission modal that grant whatever the clause names ("may proceed"). */
  readonly permissionVerbs: readonly string[];

  /** "holds", "has", "carries": a grant when a grant noun follows ("holds cutover authority"). */
  readonly possessionVerbs: readonly string[];
  /** Restrictions a lift verb can remove ("the hold", "the freeze", "the REAL_RUN gate"). */
  readonly restrictionNouns: readonly string[];
  /** Verbs that remove a restriction; a grant only with a restriction noun beside them. */
  readonly liftCues: readonly string[];
  /** "since", "following", "post-": before a gated action as an event, they presuppose it happened. */
  readonly eventCues: readonly string[];
  /** Reporting verbs: what follows is someone's statement, which a later denial retracts. */
  readonly reportingVerbs: readonly string[];
  /** "that was wrong", "it was not": retract a reported claim in the same sentence. */
  readonly denials: readonly string[];
  /** "the phrase", "the wording": a quoted span after them is mentioned, not asserted. */
  readonly metaNouns: readonly string[];
  /** Boolean packet keys that record production work as done when written `KEY: true` in prose. */
  readonly flagKeys: readonly string[];
  /** Past effects whose subject, a production action, must have happened ("the rotation in prod broke two webhooks"). */
  readonly effectVerbs: readonly string[];
  /** Predicates of a production state only an action explains ("now points at", "is serving"). */
  readonly stateCues: readonly string[];
  /** Answers that assert the question before them ("Was the cutover performed? Yes."). */
  readonly affirmatives: readonly string[];

  /** Values after `Subject:` / `Subject —` that mean granted or done. */
  readonly grantedStatuses: readonly string[];
  /** Values that mean not granted; any value opening with a negation counts too. */
  readonly notGrantedStatuses: readonly string[];

  /** Negate the verb right after them ("was not executed", "never approved"). */
  readonly verbalNegations: readonly string[];
  /** Do-support negation: negates the whole predicate that follows ("does not imply ..."). */
  readonly predicateNegations: readonly string[];
  /** Negate the noun phrase or subject after them ("no REAL_RUN", "Nobody has authorized"). */
  readonly determinerNegations: readonly string[];
  /** Exclude the noun phrase after them from an otherwise positive clause ("except REAL_RUN"). */
  readonly exclusions: readonly string[];
  /** Negate the whole clause wherever they stand ("not implied by", "out of scope"). */
  readonly clauseNegations: readonly string[];
  /** Look like triggers but are not ("not only", "without errors"). */
  readonly pseudoTriggers: readonly string[];

  /** Open a conditional or temporal clause; scope runs forward. */
  readonly conditionalTriggers: readonly string[];
  /** Of those, the ones that describe a past fact when followed by a past tense ("once it was approved"). */
  readonly temporalTriggers: readonly string[];
  /** Make the whole clause conditional, before or after the cue ("authorized only after ..."). */
  readonly conditionalBothWays: readonly string[];
  /** Future, modal and hypothetical: the assertion is not a present or past fact. */
  readonly futureTriggers: readonly string[];
  readonly requirementTriggers: readonly string[];
  readonly requestTriggers: readonly string[];
  readonly questionTriggers: readonly string[];
  /** Revocation, denial, hedging: the whole clause states no standing grant. */
  readonly revocationTriggers: readonly string[];
  /** Blocked / held / gated: the whole clause states a block, not a grant. */
  readonly blockingTriggers: readonly string[];
  /** A list of options offers, it does not decide ("Option 3: authorize ..."). */
  readonly optionMarkers: readonly string[];
  /** Words that turn an option into a decision ("the owner chose option 2"). */
  readonly choiceMarkers: readonly string[];

  /** Single tokens that scope away from production ("no-production", "staging"). */
  readonly nonProductionMarkers: readonly string[];
  /** Clause boundaries that also end every trigger's scope. */
  readonly scopeTerminators: readonly string[];

  // Grammar the scopes need; closed word classes, rarely extended.
  readonly beVerbs: readonly string[];
  readonly haveVerbs: readonly string[];
  readonly adverbs: readonly string[];
  readonly determiners: readonly string[];
  readonly prepositions: readonly string[];
  /** Prepositions after which "production" is where an action happens, not the action. */
  readonly destinationPrepositions: readonly string[];
  readonly functionWords: readonly string[];
}

// Production's own role, taken over: a state of production and a name for it at once ("the
// cloud SIS is now the system of record"); productionState.ts reads the state as the cutover.
const PRODUCTION_ROLE = [
  'is now the system of record', 'now the system of record', 'is the system of record', 'became the system of record',
  'has become the system of record', 'is now primary', 'is the new primary', 'now primary', 'became primary',
];

export const DEFAULT_VOCABULARY: GrantVocabulary = {
  actions: {
    production: {
      nouns: ['production-execution', 'prod-execution', 'production-phase'],
    },
    'production-mutation': {
      nouns: [
        'production mutation', 'production mutations', 'pg', 'postgres', 'directus', 'birth row', 'birth rows',
        'birth-row', 'birth-rows', 'registry row', 'registry rows', 'registry-row', 'registry-rows',
        'birth_registry', 'system_issues', 'production data', 'migration', 'migrations',
      ],
      verbs: ['mutate', 'write to'],
      performed: ['mutated'],
      weak: ['mutation', 'mutations', 'restore', 'restores'],
    },
    REAL_RUN: {
      nouns: ['real_run', 'real run', 'real-run', 'realrun', 'real_runs', 'real runs'],
    },
    'QT001/apply': {
      nouns: ['qt001/apply', 'qt001 apply', 'apply qt001', 'apply of qt001', 'qt001', 'qt001-apply', 'qt001_apply'],
      verbs: [],
      weak: ['apply', 'applies'],
    },
    permit: { nouns: ['permit', 'permits'] },
    activation: {
      nouns: ['activation', 'activations'],
      verbs: ['activate'],
      performed: ['activated'],
    },
    repoint: {
      nouns: ['repoint', 're-point', 'repointing', 're-pointing', 'repoints'],
      verbs: [],
      performed: ['repointed', 're-pointed'],
    },
    cutover: {
      // A switch-over is the cutover under another name ("the endpoint has been switched over to v2").
      nouns: ['cutover', 'cut-over', 'cutovers', 'cut over', 'switchover', 'switch-over', 'switchovers', 'switch over'],
      verbs: [],
      performed: ['switched over'],
    },
    'CI/deploy': {
      nouns: ['ci/deploy', 'ci deploy', 'ci-deploy', 'deploy', 'deployment', 'deployments', 'deploys', 'ci/cd deploy', 'deploy pipeline', 'deployment pipeline', 'release pipeline'],
      verbs: [],
      performed: ['deployed', 'redeployed'],
    },
    'go-live': {
      nouns: ['go-live', 'go live', 'golive', 'rollout', 'roll-out', 'roll out', 'rollouts', 'launch'],
      verbs: ['push live', 'push it live', 'take it live', 'take live', 'put it live', 'put live'],
      performed: ['rolled out', 'rolled-out', 'went live', 'gone live', 'launched', 'flipped live', 'switched live', 'pushed live', 'turned live', 'we are live', 'we are now live', "we're live", "we're now live"],
    },
    'OPT-4': { nouns: ['opt-4', 'opt4', 'opt 4', 'opt-04', 'production-opt-4', 'production-opt4', 'prod-opt-4', 'prod-opt4'] },
    'secrets-change': {
      nouns: [
        'secrets change', 'secret change', 'secrets changes', 'secrets rotation', 'secret rotation', 'secrets',
        'secret', 'credentials', 'credential rotation', 'secrets-change', 'secret-change', 'key rotation',
        'password', 'passwords', 'signing key', 'signing keys', 'api key', 'api keys', 'certificate', 'certificates',
        'cert', 'certs', 'cert rotation', 'certificate rotation',
        // Plural only: "key" alone is "the key decision", "key risks".
        'keys', 'signing keys', 'partner keys', 'keypair', 'key pair', 'keypairs', 'key pairs',
      ],
      weak: ['rotation', 'rotations'],
      verbs: ['rotate'],
    },
  },
  productionWords: [
    'production', 'prod', 'prd', 'production environment', 'prod environment', 'system of record', ...PRODUCTION_ROLE,
    // Everyone who uses it is production's audience ("released it to 100% of users").
    '100% of users', 'all users', 'every user', 'all customers', 'every customer', 'real customers', 'real users', 'live users', 'live traffic',
  ],
  productionModifiers: ['production-scope', 'production-scoped', 'prod-scope', 'production-level'],
  nonActionHeads: [
    // The meeting that decides ("approved at Thursday's go/no-go"): one token, neither a GO nor a NO-GO.
    'go/no-go',
    'documents', 'document', 'docs',
    'blocker', 'blockers', 'readiness', 'ready', 'rollback', 'rollbacks', 'snapshot', 'snapshots', 'surface', 'surfaces', 'map', 'maps', 'inventory', 'checklist', 'proof', 'proofs', 'design',
    'plan', 'plans', 'risk', 'risks', 'incident', 'incidents', 'monitoring', 'gate', 'gates', 'grade', 'like',
    // "cleared the production alarm": an alarm or a warning in production is no production action.
    'alarm', 'alarms', 'warning', 'warnings',
    // "Agent Run Summary", "the run log": a run named as a record, not a run reported.
    'run summary', 'run log', 'run logs', 'run report', 'run sheet', 'run id',
    'quality', 'parity', 'routing', 'scoping', 'blocking', 'owner', 'owners', 'support', 'outage', 'logs',
    'readout', 'review', 'reviews', 'safety', 'pipeline', 'object-birth', 'questions', 'question', 'object',
    'scope', 'application', 'applications', 'template', 'runbook', 'script', 'procedure', 'checks', 'check',
    'criteria', 'prerequisites', 'preconditions', 'precondition', 'doc', 'document', 'note', 'notes', 'paperwork', 'team', 'teams', 'board', 'crew', 'staff',
    'ticket', 'tickets', 'evidence', 'form', 'inventories', 'candidate', 'rehearsal', 'simulation', 'follow-up', 'scripts',
    'runbooks', 'procedures', 'templates', 'drafts',
    'follow-ups', 'followup', 'cleanup', 'clean-up', 'retro', 'retrospective', 'postmortem', 'channel',
    'packet', 'packets', 'dashboard', 'dashboards', 'bundle', 'agenda', 'agendas', 'summary', 'summaries', 'memo', 'report', 'reports', 'minutes', 'write-up', 'writeup', 'slides', 'deck',
  ],

  grantCues: [
    'authorized', 'authorised', 'approved', 'granted', 'permitted', 'allowed', 'cleared', 'signed off',
    'signed-off', 'green-lit', 'greenlit', 'green lit', 'green-lighted', 'greenlighted', 'enabled', 'issued',
    'delegated', "ok'd", 'okayed', 'okd', 'sanctioned', 'endorsed', 'conferred', 'conferred upon', 'conferred on', 'waived', 'in place', 'in hand', 'in effect',
    'obtained', 'received', 'secured', 'good to go', 'given the go-ahead', 'opened', 'reopened', 'unlocked',
    // Only of a gate or lane ("the gate for the repoint is open"), see cueGates.ts.
    'is open', 'is now open', 'are open', 'are now open', 'is wide open',
    'a go', 'is go', 'are go', 'a green light', 're-approved', 're-authorized', 're-authorised', 're-granted', 'pre-approved', 'reinstated', 're-instated',
    'pre-authorized', 'pre-authorised', 'reapproved', 'reauthorized', 'preapproved', 'preauthorized',
    'ratified', 'countersigned', 'rubber-stamped', 'rubber stamped', 'waved through', 'blessed', 'owner-approved',
    'signed', 'signed for', 'cleared for takeoff', 'given the green light', 'given the nod', 'nodded through',
    'confirmed', 'renewed', 'accepted', 'on file', 'is on file', 'on record', 'came through', 'arrived', 'stands', 'still stands', 'is valid', 'remains valid', 'in force', 'is in force', 'goes ahead', 'went ahead with', 'signed off on', 're-granted', "i'm approving", 'i am approving', "we're approving", 'we are go', "we're go", 'i authorize', 'i hereby authorize', 'we authorize', 'we hereby authorize', 'i approve', 'i hereby approve',
    // The British spellings of the first-person grants above.
    'i authorise', 'i hereby authorise', 'we authorise', 'we hereby authorise', 'decided to authorise', 'voted to authorise', 'agreed to authorise',
    'we approve', 'i grant', 'i hereby grant', 'we grant', 'i permit', 'i sanction', 'i sign off', 'you have my go',
    'you have my ok', 'you have my approval', 'you have my blessing', 'you have my permission', 'you have my sign-off',
    // A body's decision to grant is the grant, whenever it takes effect ("resolved to grant the go-live with effect from 12-07").
    'resolved to grant', 'resolved to approve', 'resolved to authorize', 'resolved to authorise', 'decided to grant', 'decided to approve',
    'decided to authorize', 'voted to approve', 'voted to grant', 'voted to authorize', 'agreed to approve', 'agreed to grant', 'agreed to authorize',
    'exempted',
    // A writer whose English drops the past ending keeps "already" ("owner already approve the repoint").
    'already approve', 'already grant', 'already authorize', 'already authorise',
    // ... and a passive without it ("the permit is approve by owner this morning").
    'is approve by', 'was approve by', 'are approve by', 'were approve by', 'been approve by',
  ],
  presentGrantVerbs: [
    'authorizes', 'authorises', 'approves', 'grants', 'permits', 'allows', 'clears', 'enables', 'sanctions',
    'greenlights', 'green-lights',
    // Only after a record noun ("the e-mail granting the permit"); see cueGates.ts.
    'granting', 'approving', 'authorizing', 'authorising', 'sanctioning', 'permitting',
  ],
  extensionCues: [
    'covers', 'now covers', 'extends to', 'includes', 'encompasses', 'was extended to', 'were extended to', 'has been extended to', 'is extended to',
    // "Authority for the cutover sits with Priya", "owner grant for the cutover recorded in the lock".
    'sits with', 'rests with', 'lies with', 'passed to', 'transferred to', 'recorded', 'filed', 'logged', 'documented',
  ],
  grantNouns: [
    'grant', 'grants', 'authorization', 'authorisation', 'approval', 'lock', 'authority', 'permission', 'keys', 'nod',
    'blessing', 'say-so', 'thumbs-up',
    'delegation', 'sign-off', 'signoff', 'opt-4', 'clearance', 'mandate',
  ],
  nounCues: [
    'go-ahead', 'go ahead', 'green light', 'greenlight', 'blessing', 'okay', 'said yes', 'says yes', 'gave approval',
    'gave its approval', 'gave authorization', 'gave permission', 'gave sign-off', 'gave the ok', 'gate open', 'gate is open',
    'gates open', 'gates are open', 'thumbs-up', 'thumbs up', 'lights green', 'all lights green', 'green-light', 'go for',
    'said yes to', 'says yes to', 'signed off on', 'said go', 'says go', 'gave the go', 'gave it the go', 'lgtm', 'fine by me',
    'gave the word', 'given the word', 'gave the nod', 'gave it the nod', 'gave the thumbs-up', 'gave the thumbs up',
  ],
  upperCaseCues: ['GO', 'YES', 'OK'],
  unblockCues: [
    'unblocked', 'no longer blocked', 'no longer gated', 'no longer on hold', 'no longer held',
    'no longer withheld', 'no longer pending', 'no longer forbidden', 'no longer frozen', 'no longer restricted',
    'lifted', 'unfrozen', 'unpaused', 'released from hold', 'taken off hold', 'off hold', 'any longer', 'anymore',
    'any more', 'ceased to be a blocker', 'no longer a blocker', 'not blocked anymore', 'not blocked any longer',
    'not blocked any more', 'no longer any hold', 'no longer any restriction', 'no longer any block', 'no longer any freeze',
  ],
  performanceCues: [
    'executed', 'ran', 'completed', 'done', 'finished', 'written', 'wrote', 'rotated', 'applied', 'performed', 'effected',
    'carried out', 'took place', 'happened', 'ended up', 'followed', 'proceeded', 'began', 'begun', 'kicked off',
    'shipped', 'released', 'migrated', 'created', 'inserted', 'updated', 'changed', 'modified', 'touched',
    'went ahead', 'gone ahead', 'succeeded', 'verified', 'pushed', 'occurred', 'went through', 'landed',
    'run through', 'cut over', 'switched over', 'switched on', 'turned on', 'flipped', 'went out', 'gone out',
    'went to', 'started', 'worked', 'went smoothly', 'went well', 'went fine', 'went cleanly', 'recreated', 'restored', 'consumed', 'committed', 'reverted', 'rolled back', 'exercised', 'did',
    'did run', 'did execute', 'did apply', 'did perform', 'did deploy', 'did rotate', 'did repoint', 'did activate',
    'flashed', 'reflashed', 're-flashed', 'went thru', 'gone thru', 'invoked', 'regenerated', 'rebuilt', 'recomputed', 'keyed', 'was made', 'were made', 'been made',
    'promoted', 'edited', 'altered', 'amended', 'patched', 'were corrected', 'corrected in', 'corrected on', 'corrected directly', 'backfilled', 'purged', 'truncated', 'went straight to',
    'swapped', 'loaded', 'copied', 'implemented', 'imported', 'repeated', 're-ran', 'reran', 're-applied', 'reapplied', 'redone', 'redid',
  ],
  auxiliaryPerformanceCues: ['run', 'complete', 'live', 'underway', 'under way', 'in progress', 'given'],
  backwardOnlyCues: [
    'followed', 'happened', 'occurred', 'took place', 'went ahead', 'gone ahead', 'went through', 'succeeded',
    'landed', 'proceeded', 'done', 'did', 'complete', 'completed', 'finished', 'live', 'underway', 'under way',
    'in progress', 'in place', 'in effect', 'in hand', 'good to go', 'opened', 'reopened', 'unlocked',
  ],
  permissionModals: ['may', 'can', 'may now', 'can now', 'may also', 'is free to', 'are free to', 'is clear to', 'are clear to', 'ok to', 'okay to', 'good to',
    // British permission: "she's happy for us to go live".
    'happy for us to', 'happy for them to', 'happy for you to', 'content for us to', 'fine for us to', 'ok for us to', 'okay for us to'],
  permissionVerbs: [
    'proceed', 'begin', 'start', 'continue', 'go ahead', 'run', 'execute', 'perform', 'carry out', 'rotate',
    'write', 'mutate', 'push', 'ship', 'release', 'launch', 'move', 'apply', 'cut over', 'repoint', 'deploy',
    'roll out', 'go live', 'activate', 'switch over', 'do', 'create', 'insert', 'update', 'delete', 'migrate', 'restore',
    'flip', 'switch', 'rotate', 'repoint', 'cut over',
  ],

  possessionVerbs: [
    'has', 'have', 'had', 'holds', 'carries', 'carry', 'carried', 'possesses', 'got', 'gets',
    'received', 'obtained', 'secured', 'handed', 'gave', 'is in possession of', 'adds', 'added',
  ],
  restrictionNouns: [
    'hold', 'holds', 'block', 'blocks', 'blocker', 'freeze', 'gate', 'embargo', 'restriction', 'restrictions', 'objection', 'objections',
    'moratorium', 'ban', 'bans', 'lock-out', 'lockout', 'prohibition', 'denial', 'veto', 'no-go', 'status',
  ],
  liftCues: [
    'lifted', 'removed', 'dropped', 'released', 'waived', 'cleared', 'ended', 'rescinded', 'revoked', 'withdrawn', 'withdrew', 'withdraws',
    'cancelled', 'canceled', 'superseded', 'superseding', 'overridden', 'overriding', 'overrode', 'overrides',
    'supersedes', 'no longer applies', 'no longer apply', 'no longer in force', 'is gone', 'are gone', 'lifts',
    'removes', 'drops', 'releases', 'waives', 'lifting', 'removing', 'dropping', 'taken off', 'took off', 'struck',
    'replaces', 'replaced', 'overturned', 'overturns', 'reversed', 'reverses', 'reopened', 'is over', 'was over', 'are over',
  ],
  eventCues: [
    'since', 'following', 'post', 'after', 'in the wake of', 'behind us', 'are past', 'is past', 'were past', 'now past', "we're past", 'well past',
  ],
  reportingVerbs: [
    'said', 'says', 'stated', 'states', 'claimed', 'claims', 'claiming', 'reported', 'reports', 'asserted', 'wrote',
    // "residents say the repoint happened": the plural's present reports too.
    'say', 'claim', 'report', 'assert',
    'saying', 'stating', 'announced', 'suggested', 'implied', 'read', 'reads', 'summary', 'correction', 'posted', 'messaged', 'per', 'according to', 'told', 'drafted', 'heard', 'rumoured', 'rumored', 'mentioned', 'mentions', 'alleged', 'alleges', 'insisted', 'insists',
    'calls', 'called', 'typed', 'texted', 'tweeted', 'replied', 'wrote back', 'used the phrase', 'used the words',
    'paraphrases', 'paraphrased', 'described', 'describes',
    // "somebody had written 'cutover GO' on the whiteboard" ("was written" is what was done to rows)
    'had written', 'has written',
    // A noun that reports ("the vendor's claim that activation was cleared is mistaken").
    'claim that', 'assertion that', 'statement that',
  ],
  denials: [
    'wrong', 'incorrect', 'untrue', 'denied', 'denies', 'deny', 'disputes', 'dispute', 'retracted', 'unsupported', 'mistaken', 'corrected',
    // "That was a misquote of the 12-02 message": the report's words were not what was said.
    'a misquote', 'misquote', 'misquoted', 'a misreading', 'misreading', 'misread', 'a joke', 'was a joke', 'in jest',
    'inaccurate', 'erroneous', 'disputed', 'disproved', 'false', 'not correct', 'not accurate', 'never said', 'did not say',
    "didn't say", 'deleted', 'still on', 'still at', 'still serving', 'still shows', 'still carrying', 'still carries', 'still running', 'still points', 'still pointing', 'never ran', 'never started', "haven't seen", 'have not seen', "doesn't show", 'does not show', 'no record', 'no such', 'contradicts', 'contradicted', 'refutes', 'refuted',
    'struck', 'struck out', 'struck through', 'crossed out', 'nothing of the kind', 'nothing of the sort', 'no such thing',
    // "this was a slip", "This is not true in the sense of the lock"
    'not true', 'not the case', 'a slip', 'a typo', 'a drafting error', 'drafting error', 'misspoke', 'i misspoke', 'misstated',
    'does not support this', 'does not support that', "doesn't support this", 'not supported by', 'is not supported', 'correct that', 'correct this', 'correcting that', 'correcting this', 'corrected this', 'corrected that', 'corrected him', 'corrected her', 'corrected the record', 'take that back', 'take it back', 'withdraw that',
    // What the reported words were instead: "that was the harness fixture string, not a decision", "a template placeholder".
    'not a decision', 'not an approval', 'not a grant', 'placeholder', 'a placeholder', 'fixture string',
  ],
  metaNouns: [
    'phrase', 'phrases', 'word', 'words', 'wording', 'wordings', 'terms', 'labels', 'strings', 'string', 'term', 'label', 'line', 'template', 'write', 'writing', 'use',
    'say', 'paste', 'type', 'put', 'reads', 'item', 'entry', 'row', 'appears', 'appear', 'appeared', 'used', 'uses', 'using',
    'sentence', 'sentences', 'like',
    'example', 'heading', 'status line', 'titled', 'labelled', 'labeled', 'caption', 'captioned', 'field', 'placeholder', 'pattern', 'sample', 'snippet', 'badge', 'e.g.', 'such as', 'banner', 'banners',
  ],
  flagKeys: ['production_work_performed'],
  effectVerbs: [
    'broke', 'left', 'caused', 'triggered', 'produced', 'introduced', 'exposed', 'surfaced', 'corrupted', 'duplicated',
    'orphaned', 'generated', 'added', 'took', 'hit', 'reached', 'brought', 'cut', 'reduced', 'increased', 'fixed', 'resolved',
    'changed', 'moved', 'shifted', 'emptied', 'filled', 'overwrote', 'dropped', 'raised', 'paged', 'woke', 'slowed',
  ],
  stateCues: [
    'points at', 'points to', 'pointing at', 'pointing to', 'resolves to', 'serving', 'serves', 'served by', 'handled by',
    'now on', 'fully on', 'contains', 'lists', 'shows', 'present in', 'visible in', 'running on', 'runs on',
    'routed to', 'point at', 'point to', 'now point', 'now following',
    'is on for', 'are on for', 'on for everyone', 'now go through', 'now goes through', 'now flow through', 'now flows through',
    'now read from', 'now reads from', 'now reads', 'now answers from', 'answers from',
    ...PRODUCTION_ROLE,
  ],
  affirmatives: [
    'yes', 'yep', 'affirmative', 'correct', 'confirmed', 'done', 'granted', 'approved',
    // The owner's one-line go: "— Owner: ok go", "Marta: go ahead".
    'ok go', 'ok, go', 'okay go', 'go ahead', 'yes go', 'yes, go',
  ],

  grantedStatuses: [
    'authorized', 'authorised', 'approved', 'granted', 'permitted', 'allowed', 'allow', 'invoked', 'cleared', 'unblocked', 'enabled',
    'go', 'yes', 'ok', 'okay', 'proceed', 'green', 'green-lit', 'greenlit', 'green lit', 'signed off',
    'signed-off', 'done', 'applied', 'executed', 'complete', 'completed', 'performed', 'deployed', 'live',
    'issued', 'in place', 'in effect', 'given', 'delegated', 'confirmed', 'ran', 'run', 'active', 'a go',
    'is go', 'passed to production', 'granted to', 'true', 'carried out', 'rotated', 'activated', 'repointed',
    'cut over', 'rolled out', 'went live', 'released', 'shipped', 'finished', 'received', 'obtained', 'secured',
    'in hand', 'lifted', 'underway', 'in progress', 'waived', 'success', 'succeeded', 'committed', 'signed', 'pass', 'passed',
    'authorised', 'ratified', 'countersigned', 'green light', 'greenlighted', 'cleared to proceed',
    // A directive as the value: "Registrar's call on the go-live: ship it."
    'ship it', 'do it', 'send it', 'lgtm', 'fine by me',
  ],
  notGrantedStatuses: [
    'blocked', 'hold', 'on hold', 'held', 'pending', 'none', 'no', 'tbd', 'tbc', 'n/a', 'na', 'unknown',
    'withheld', 'denied', 'rejected', 'revoked', 'deferred', 'open', 'outstanding', 'requested', 'proposed',
    'awaiting', 'waiting', 'forbidden', 'prohibited', 'unauthorized', 'unauthorised', 'unapproved', 'no-go',
    'no go', 'stop', 'stopped', 'paused', 'frozen', 'draft', 'false', 'not started', 'needed', 'required',
    'requires', 'needs', 'missing', 'absent', 'gated', 'suspended', 'withdrawn', 'expired', 'out of scope',
    'undecided', 'unresolved', 'nil', 'null', 'refused', 'declined', 'to be decided', 'to be confirmed',
    'not applicable', 'unscoped', 'untouched', 'unchanged', 'closed', 'cancelled', 'canceled', 'fail', 'failed', 'failing', 'not met',
    // A permit or a grant is applied for, which is a request ("Permit: applied for, no decision yet").
    'applied for', 'skipped', 'aborted', 'abort',
  ],

  verbalNegations: [
    'not', 'never', 'no longer', "n't", 'far from', 'nor', 'hardly', 'nearly', 'almost', 'narrowly', 'as good as', 'all but', 'virtually', 'practically', 'more or less', 'not yet', 'isnt', 'wasnt', 'hasnt', 'havent',
    "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", 'cannot',
    "couldn't", "shouldn't", "mustn't", "needn't", 'neither',
  ],
  predicateNegations: [
    'does not', 'do not', 'did not', "doesn't", "don't", "didn't", 'must not', 'may not', 'cannot', "can't",
    'shall not', 'will not', "won't", 'should not', 'need not', 'must never', 'may never',
  ],
  determinerNegations: ['lacking', 'lacks', 'lack of', 'in the absence of', 'no', 'nobody', 'no one', 'no-one', 'none', 'nothing', 'neither', 'nor', 'zero', 'not a', 'not any', 'not one', 'not even', 'not a single', 'not one of'],
  exclusions: [
    'without', 'except', 'except for', 'excluding', 'instead of', 'rather than', 'other than', 'apart from',
    'not including', 'save for', 'not the', 'absent', 'in the absence of',
  ],
  clauseNegations: [
    'does not imply', 'do not imply', "doesn't imply", 'did not imply', 'not implied', 'is not implied',
    'not equivalent', 'not evidence', 'out of scope', 'in error', 'not chosen', 'was not chosen', 'not selected',
    'not the case', 'no evidence', 'no indication', 'no sign', 'no trace', 'no record', 'no proof', 'no confirmation', 'but not that',
    // A first-person denial of what follows: "we dispute that any go-live happened".
    'we dispute that', 'i dispute that', 'we deny that', 'i deny that', 'we doubt that', 'i doubt that', 'not true', 'incorrectly', 'mistakenly', 'erroneously', 'falsely',
    'it is false that', 'it is untrue that', 'it is not true that', 'it is wrong to say that', 'it is not correct that',
    // "Everything on prod is exactly as we left it on Friday": nothing changed.
    'as we left it', 'as we found it', 'exactly as it was',
    'must not be read as', 'is not a', 'not a production grant', 'not be read as', 'not be treated as',
    // A fronted negation: "Under no reading of RES-2026/41 is the repoint authorised".
    'under no', 'on no account', 'at no time', 'in no way', 'by no means', 'in no sense',
    'by nobody', 'by no one', 'by no-one', 'by none', 'not saying', 'not claiming', 'not suggesting', 'not stating',
    // An attitude denied covers what it is towards ("not yet comfortable calling the repoint good to go").
    'not comfortable', 'not yet comfortable', 'not ready to', 'not yet ready to', 'not willing to', 'not in a position to', 'not prepared to',
  ],
  pseudoTriggers: [
    // "the go-live sign-off we were waiting for" has arrived.
    'were waiting for', 'was waiting for', 'had been waiting for', 'had waited for', 'waited for', 'we waited for',
    'not only', 'not just', 'no doubt', 'than expected', 'than i expected', 'than we expected', 'as expected', 'than anyone expected', 'better than expected', 'worse than expected', 'without errors', 'without error', 'without issues', 'without issue',
    'without incident', 'without incidents', 'without delay', 'without problems', 'without any errors',
    'without any issues', 'no issues', 'no errors', 'no incidents', 'nothing else', 'not least', 'if any',
    'as if', 'if so', 'even if', 'whether or not', 'once again', 'at once', 'all at once', 'not to mention', 'written as',
    'written up', 'written down', 'is written as', 'wrote down', 'written it down', 'wrote it down', 'written it up', 'wrote it up',
    'to be clear', 'to be fair', 'to be honest', 'to be sure', 'to be precise', 'to be explicit', 'write down', 'noted down', 'took down',
    // A condition that is none: "subject to no further condition".
    'subject to no', 'subject to nothing', 'subject to nothing further', 'with no conditions', 'without conditions', 'without condition', 'unconditionally',
  ],

  conditionalTriggers: [
    'if', 'once', 'when', 'whenever', 'after', 'before', 'until', 'till', 'unless', 'provided', 'providing',
    'assuming', 'suppose', 'supposing', 'in case', 'as soon as', 'in the event', 'whether', 'prior to', 'upon', 'whoever', 'anyone who',
    'pending', 'ahead of',
  ],
  temporalTriggers: ['once', 'when', 'whenever', 'after', 'as soon as', 'upon', 'before', 'prior to', 'ahead of'],
  conditionalBothWays: [
    'only after', 'only if', 'only when', 'only once', 'only with', 'only upon', 'not before', 'not until',
    'unless', 'provided that', 'providing that', 'subject to', 'contingent on', 'contingent upon',
    'conditional on', 'conditional upon', 'dependent on', 'depends on', 'depending on', 'pending', 'awaiting',
    'awaits', 'waiting for', 'waiting on', 'waits for', 'waits on', 'wait for', 'conditionally', 'provisionally', 'tentatively', 'in principle',
    'if', 'as soon as', 'on condition', 'assuming', 'gated on', 'gated by', 'blocked on', 'blocked by',
  ],
  futureTriggers: [
    'will', 'shall', 'would', 'could', 'might', 'should', "'ll", 'going to', 'to be',
    'plan to', 'plans to', 'planned to', 'intend to', 'intends to', 'expected', 'expects', 'expect',
    // "The goal is for every prod dock to report 3.8.1 by year end": an aim, not a state.
    'the goal is', 'our goal is', 'the aim is', 'our aim is', 'the target is', 'our target is', 'intended', 'is intended to',
    'anticipated', 'future', 'upcoming', 'eventually', 'eventual', 'next', 'later phase', 'would need',
    'potential', 'possible', 'possibly', 'hypothetical', 'hypothetically', 'next step', 'next steps', 'plan', 'may be', 'might be', 'can be',
    'could be', 'yet to', 'about to', 'scheduled to be', 'aim to', 'aims to', 'hope to', 'hopes to', 'to get',
    'in order to', 'so that', 'ready to be', 'ready for', 'prepare', 'prepared to', 'preparing', 'ready to',
    // An intention or a timetable, not an event: "is meant to push", "was supposed to run", "is due to go live".
    'meant to', 'supposed to', 'is due to', 'are due to', 'due to be', 'slated to', 'set to be',
    'is scheduled for', 'are scheduled for', 'is planned for', 'are planned for',
    // A date still to come: "the cutover itself is tomorrow".
    'is tomorrow', 'are tomorrow', 'is tonight', 'are tonight', 'is later today', 'are later today',
    // A forecast or an assessment: "on track for go-live", "safe to run on prod".
    'on track for', 'on track to', 'safe to',
    // Uncertainty: what follows is a guess, not a fact.
    'maybe', 'perhaps', 'probably', 'presumably', 'supposedly', 'seems', 'seemed', 'appears to', 'appeared to',
    'i think', 'i believe', 'not sure', 'unsure', 'uncertain',
    "i reckon", "i'd reckon", 'reckon', 'reckons', 'i suspect', 'i imagine', "i'd imagine", "i'd think", 'i would think', "i'd say", 'i would say',
    // "It is not clear to me that the repoint ever happened": doubted, not stated.
    'not clear', 'unclear', 'doubtful', 'i doubt', 'not certain',
    // "I'd like the repoint done before Christmas": a wish for what is not yet so.
    "i'd like", "we'd like", 'i would like', 'we would like',
    // "GO expected verbally at 1630": awaited, not given ("than expected", "as expected" are pseudo-triggers).
    'expected', 'is expected', 'are expected', 'expected by', 'expected on', 'slated for', 'is slated', 'pencilled in', 'penciled in', 'pencilled for', 'penciled for',
  ],
  requirementTriggers: [
    'require', 'requires', 'required', 'requiring', 'need', 'needs', 'needed', 'needing', 'must', 'has to',
    'have to', 'had to', 'has still to', 'have still to', 'still has to', 'still have to', 'is still to', 'are still to', 'necessary', 'prerequisite', 'prerequisites', 'mandatory', 'obligatory', 'demands',
    'calls for', 'call for', 'depends', 'to obtain', 'obtain', 'get', 'seek approval', 'still needs',
    'requirement', 'requirements', 'please', 'ensure', 'make sure', 'be sure',
  ],
  requestTriggers: [
    'request', 'requests', 'requested', 'requesting', 'ask', 'asks', 'asked', 'asking', 'seek', 'seeks',
    'seeking', 'sought', 'propose', 'proposes', 'proposed', 'proposing', 'proposal', 'recommend', 'recommends',
    'recommended', 'recommending', 'recommendation', 'suggest', 'suggests', 'suggested', 'suggesting',
    'petition', 'applies for', 'applied for', 'applying for', 'submitted for', 'submit for', 'escalate',
    'escalated', 'raise', 'raised', 'todo', 'to-do', 'ask', 'draft', 'wants', 'want', 'wanted', 'would like', 'hopes', 'hope', 'hoping',
  ],
  questionTriggers: [
    'whether', 'asked if', 'ask if', 'asks if', 'unclear', 'unknown', 'open question', 'to be decided',
    'to be confirmed', 'tbd', 'tbc', 'undecided', 'not known', 'uncertain', 'question of', 'question is',
    'did anyone', 'has anyone', 'believes', 'believe', 'believed', 'thinks', 'think',
    'assumes', 'assumed', 'allegedly', 'supposedly', 'reportedly', 'apparently', 'may have', 'might have', 'seems', 'appears to',
    'it appears', 'appears that', 'probably', 'likely', 'possibly', 'perhaps', 'maybe', 'presumably', 'not sure', 'i guess', 'i assume',
    'unverified', 'unconfirmed',
  ],
  revocationTriggers: [
    'revoked', 'revoke', 'revokes', 'revocation', 'withdrawn', 'withdrew', 'withdraw', 'withdraws', 'rescinded', 'revoking', 'withdrawing', 'rescinding',
    'rescind', 'retracted', 'retract', 'cancelled', 'canceled', 'cancel', 'suspended', 'suspend', 'expired',
    'lapsed', 'annulled', 'voided', 'invalidated', 'denied', 'deny', 'denies', 'rejected', 'reject', 'rejects',
    // Not "decline(s)": in payments prose they are the card declines, a noun.
    'refused', 'refuse', 'refuses', 'declined', 'vetoed', 'veto', 'turned down', 'declines the', 'declines to',
    'no-go', 'proposed', 'optional', 'draft', 'tbd', 'tbc', 'n/a', 'not decided', 'undecided', 'hypothetical',
    'not chosen', 'reverted to hold', 'back to hold', 'back on hold', 'put back on hold', 'superseded', 'retracts', 'repealed', 'aborted', 'abandoned', 'called off', 'scrubbed',
  ],
  blockingTriggers: [
    'blocked', 'blocks', 'block', 'blocking', 'hold', 'on hold', 'held', 'withheld', 'withholds', 'forbidden',
    'forbids', 'forbid', 'prohibited', 'prohibits', 'barred', 'bars', 'frozen', 'freeze', 'gated',
    'deferred', 'defers', 'to defer', 'postponed', 'paused', 'halted', 'outstanding', 'untouched', 'unchanged',
    'unauthorized', 'unauthorised', 'unapproved', 'unscoped', 'not established', 'not proven', 'unresolved',
    'not resolved', 'remains closed', 'stays closed', 'lane is closed', 'lanes are closed', 'gate is closed', 'gates are closed', 'decided against', 'decided not to',
    // "Plenty still stands between us and the go-live": what stands between is a block.
    'stands between', 'stand between', 'still stands between', 'still stand between', 'stays open', 'remains open', 'not permitted',
    'not allowed', 'disallowed', 'excluded', 'out-of-scope', 'restricted', 'stays blocked', 'remains blocked',
    'stays on hold', 'remains on hold', 'embargoed', 'locked out', 'not authorized', 'not approved',
  ],
  optionMarkers: ['option', 'options', 'alternative', 'alternatives', 'choice', 'choices', 'decision options', 'opt'],
  choiceMarkers: ['chose', 'chosen', 'choose', 'selected', 'picked', 'took', 'adopted', 'accepted', 'per', 'went with', 'decided on', 'elected', 'pick', 'choice', 'opted for', 'taken'],

  nonProductionMarkers: [
    'no-production', 'non-production', 'nonproduction', 'non-prod', 'nonprod', 'non prod', 'non production', 'no production lane', 'pre-production', 'preproduction',
    'pre-prod', 'preprod', 'staging', 'dry run', 'dry-run', 'dryrun', 'dry_run', 'dry runs', 'dry-runs',
    'sandbox', 'throwaway', 'throwaway branch', 'rehearsal', 'rehearse', 'rehearsed', 'simulation',
    'simulated', 'mock', 'mocked', 'test environment', 'test env', 'dev environment', 'dev env', 'locally',
    // The test tier by its usual short name ("the TST chart"), test systems named as such, and where builds are made.
    'tst', 'test system', 'test systems', 'test instance', 'test server', 'test servers', 'test database', 'test interface engine',
    'build environment', 'build env', 'build server', 'read-replica', 'read replica', 'read-replicas',
    'preview', 'no_production', 'non_production', 'kb/governance', 'kb-only', 'kb only',
    'governance only', 'test branch', 'scratch branch', 'feature branch', 'replica', 'shadow', 'demo',
    'clone', 'prod clone', 'clone of prod', 'clone of production', 'copy of prod', 'copy of production', 'dev',
    'uat', 'qa', 'test tenant', 'test cluster', 'staging-only', 'rehearsals', 'drill', 'tabletop', 'training console', 'training environment', 'training tenant', 'training database', 'training db', 'training instance', 'training system', 'training kiosk', 'training kiosks',
    // Trading's certification tier and GMP's validation tier are test environments.
    'cert environment', 'cert env', 'certification environment', 'cert tier', 'validation environment', 'validation env', 'validation tier',
    // A model of the plant run beside it, not the plant.
    'digital twin', 'digital-twin', 'digital twins',
    'scratch copy', 'scratch database', 'scratch db', 'scratch schema', 'scratch table', 'scratch tables',
    // Reading production changes nothing in it.
    'sim', 'sim only', 'sim-only', 'simulator', 'read-only', 'read only', 'readonly', 'preflight', 'pre-flight', 'replicas', 'prod replica', 'prod replicas', 'dry-run mode',
    // Rigs and units kept apart from production: "the lab collector", "the training robot", "bench only".
    'lab-only', 'lab only', 'lab rig', 'lab environment', 'lab collector', 'lab system', 'lab network', 'lab cluster', 'lab tenant', 'test lab', 'in the lab', 'on the lab', 'to the lab', 'bench only', 'bench rig', 'test bench', 'on the bench', 'at the bench', 'test rig', 'training robot', 'training unit', 'test engine', 'test unit', 'test robot',
  ],
  scopeTerminators: [
    'but', 'however', 'although', 'though', 'whereas', 'nevertheless', 'nonetheless', 'even so', 'that said',
    'yet still', 'while', 'whilst', 'meanwhile', 'otherwise', 'instead', 'because',
  ],

  beVerbs: [
    'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "we're", "they're", "you're", "it's", "i'm", "'re", 'gets', 'got', 'gotten', 'remains',
    'remain', 'remained', 'stays', 'stay', 'stayed', 'as', 'now', 'became', 'become', 'becomes', 'considered',
    'deemed', 'marked', 'recorded', 'listed', 'shown', 'noted', 'logged', 'set', 'flagged',
  ],
  haveVerbs: ['has', 'have', 'had', "'ve", 'having'],
  adverbs: [
    'now', 'also', 'already', 'just', 'even', 'explicitly', 'formally', 'officially', 'fully', 'finally', 'outright', 'unconditionally', 'unanimously', 'from now on',
    'successfully', 'hereby', 'then', 'separately', 'properly', 'duly', 'jointly', 'again', 'both', 'all',
    'each', 'verbally', 'partially', 'partly', 'indeed', 'still', 'ever', 'actually', 'really', 'today',
    'yesterday', 'earlier', 'previously', 'recently', 'since', 'directly', 'immediately', 'personally',
    'expressly', 'specifically', 'entirely', 'cleanly', 'safely', 'manually', 'automatically', 'thus',
    'therefore', 'so', 'too', 'likewise', 'subsequently', 'later', 'yet', 'been', 'being', 'quietly',
    'properly', 'correctly', 'in full', 'in writing', 'at last', 'this morning', 'tonight', 'overnight',
    'last night', 'last week', 'this week', 'this afternoon', 'this evening', 'as planned', 'on schedule',
    'last month', 'last monday', 'last tuesday', 'last wednesday', 'last thursday', 'last friday', 'last saturday', 'last sunday',
  ],
  determiners: [
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'my', 'your',
    'any', 'every', 'each', 'some', 'all', 'both', 'another', 'such',
  ],
  prepositions: [
    'in', 'to', 'into', 'onto', 'on', 'at', 'for', 'of', 'from', 'with', 'by', 'per', 'via', 'under', 'over',
    'against', 'across', 'within', 'through', 'during', 'about', 'after', 'before', 'as', 'around', 'toward',
    'towards', 'behind', 'beyond', 'between', 'among', 'along', 'upon', 'since', 'until', 'inside',
  ],
  destinationPrepositions: ['in', 'to', 'into', 'onto', 'on', 'against', 'for', 'across', 'within', 'inside', 'of', 'at'],
  functionWords: [
    'and', 'or', 'but', 'nor', 'so', 'yet', 'then', 'than', 'that', 'which', 'who', 'whom', 'whose', 'it', 'they',
    'them', 'we', 'us', 'he', 'she', 'i', 'you', 'there', 'here', 'also', 'only', 'as', 'well', 'plus', 'too',
    'successfully', 'cleanly', 'normally', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'now',
    'again', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'utc', 'am', 'pm',
    'immediately', 'above', 'below', 'herein', 'accordingly', 'too', 'overnight', 'ok', 'following',
  ],
};

/** What a `.govlens.json` may add; every list is appended to the default. */
export interface VocabularyExtension {
  /** Extra surface forms per canonical action; an unknown canonical name adds a new action. */
  readonly actionAliases?: Readonly<Record<string, readonly string[]>>;
  readonly grantCues?: readonly string[];
  readonly performanceCues?: readonly string[];
  readonly grantedStatuses?: readonly string[];
  readonly notGrantedStatuses?: readonly string[];
  readonly negationTriggers?: readonly string[];
  /** Conditional, future, requirement or request cues that suspend a claim after them. */
  readonly hedgeTriggers?: readonly string[];
  /** Revocation or blocking words that cancel the whole clause. */
  readonly cancellingTriggers?: readonly string[];
  readonly nonProductionMarkers?: readonly string[];
  readonly nonActionHeads?: readonly string[];
}

/** The default vocabulary with an extension appended. */
export function extendVocabulary(base: GrantVocabulary, ext: VocabularyExtension | undefined): GrantVocabulary {
  if (!ext) return base;
  const add = (list: readonly string[], extra: readonly string[] | undefined): readonly string[] =>
    extra && extra.length > 0 ? [...list, ...extra.map(normalizePhrase)] : list;
  const actions: Record<string, ActionForms> = { ...base.actions };
  for (const [canonical, aliases] of Object.entries(ext.actionAliases ?? {})) {
    const prev = actions[canonical];
    actions[canonical] = { ...(prev ?? {}), nouns: add(prev?.nouns ?? [], aliases) };
  }
  return {
    ...base,
    actions,
    grantCues: add(base.grantCues, ext.grantCues),
    performanceCues: add(base.performanceCues, ext.performanceCues),
    grantedStatuses: add(base.grantedStatuses, ext.grantedStatuses),
    notGrantedStatuses: add(base.notGrantedStatuses, ext.notGrantedStatuses),
    verbalNegations: add(base.verbalNegations, ext.negationTriggers),
    futureTriggers: add(base.futureTriggers, ext.hedgeTriggers),
    revocationTriggers: add(base.revocationTriggers, ext.cancellingTriggers),
    nonProductionMarkers: add(base.nonProductionMarkers, ext.nonProductionMarkers),
    nonActionHeads: add(base.nonActionHeads, ext.nonActionHeads),
  };
}

/** Lower case, curly apostrophes straightened, runs of spaces collapsed: the key every list is matched on. */
export function normalizePhrase(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}
