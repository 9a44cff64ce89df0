/**
 * Hidden cases for the randomised and hashed exercises (power of two choices, consistent hashing),
 * which no two correct answers need to agree on pick by pick: they are judged by what must hold
 * of any correct answer, with bounds several standard deviations wide so a correct answer never
 * fails by bad luck (the runs are seeded, so a verdict never changes between attempts).
 */
import type { FakeServer } from '../../engine/testing/fakePool.ts';
import type { SandboxHost } from '../sandboxHost.ts';
import { deterministic, oneServer, percent, run, servers, shares } from './caseKinds.ts';
import type { DriveResult, DriveSetup } from './drive.ts';
import type { CaseResult, CaseRun } from './gradeReport.ts';

function judged(
  host: SandboxHost,
  code: string,
  name: string,
  expected: string,
  setup: DriveSetup,
  verdict: (result: DriveResult) => { passed: boolean; actual: string },
): CaseResult {
  const result = run(host, code, null, setup, name, expected);
  return 'custom' in result ? { name, expected, ...verdict(result) } : result;
}

/** Ten servers whose loads are 0, 1, ..., 9 and stay so (nothing is dispatched or finishes). */
const LADDER: DriveSetup = {
  servers: servers('s0 s1 s2 s3 s4 s5 s6 s7 s8 s9'),
  picks: 2000,
  seed: 5,
  dispatch: false,
  finish: false,
  events: [{ at: 0, apply: (pool) => pool.members.forEach((slot) => pool.setLoad(slot, slot)) }],
};

export function gradePowerOfTwoChoices(host: SandboxHost, code: string): CaseRun[] {
  return [
    () =>
      judged(host, code, 'never the busiest of ten', 's9 (load 9) never picked', LADDER, (r) => {
        const n = r.custom.filter((slot) => slot === 9).length;
        return { passed: n === 0, actual: n === 0 ? 'never' : `s9 picked ${n} times` };
      }),
    () =>
      judged(
        host,
        code,
        'the idlest of ten about 2 picks in 10',
        's0 (load 0) in 15% to 25% of picks: two distinct draws find it 20% of the time',
        LADDER,
        (r) => {
          const share = shares(r)[0]!;
          const note = share > 0.5 ? ' (far more often than two random draws would find it)' : '';
          return {
            passed: share >= 0.15 && share <= 0.25,
            actual: `s0 in ${percent(share)}${note}`,
          };
        },
      ),
    () =>
      judged(
        host,
        code,
        'an even spread over equal servers',
        'each of five idle servers in 17% to 23% of 5,000 picks',
        { servers: servers('a b c d e'), picks: 5000, seed: 9, dispatch: false },
        (r) => {
          const s = shares(r);
          return {
            passed: s.every((x) => x >= 0.17 && x <= 0.23),
            actual: s.map((x, i) => `${r.names[i]} ${percent(x)}`).join(', '),
          };
        },
      ),
    () =>
      judged(
        host,
        code,
        'the idle one of two',
        'idle (load 0) on all 200 picks against busy (load 3)',
        {
          servers: servers('idle busy'),
          picks: 200,
          seed: 2,
          dispatch: false,
          finish: false,
          events: [{ at: 0, apply: (pool) => pool.setLoad(1, 3) }],
        },
        (r) => {
          const n = r.custom.filter((slot) => slot === 1).length;
          return {
            passed: n === 0,
            actual: n === 0 ? 'idle every time' : `busy picked ${n} times`,
          };
        },
      ),
    () => oneServer(host, code),
    () => deterministic(host, code, { servers: servers('a b c d e'), picks: 500, seed: 4 }),
  ];
}

const KEYS = 3000;

/** Five servers; nothing dispatched, so none fills up and only hashing decides. */
function ring(
  events: DriveSetup['events'] = [],
  picks = KEYS,
  names = 'S1 S2 S3 S4 S5',
): DriveSetup {
  return {
    servers: servers(names),
    picks,
    seed: 8,
    dispatch: false,
    keyOf: (i) => (i % KEYS) + 1,
    events,
  };
}

/** The server name each key went to, per pass over the keys (KEYS picks a pass). */
function namesByPass(r: DriveResult): string[][] {
  const passes: string[][] = [];
  r.custom.forEach((slot, i) => {
    (passes[Math.floor(i / KEYS)] ??= []).push(r.names[slot] ?? '?');
  });
  return passes;
}

export function gradeConsistentHashing(host: SandboxHost, code: string): CaseRun[] {
  const full: FakeServer[] = servers('S1 S2 S3 S4 S5');
  return [
    () =>
      judged(
        host,
        code,
        'same key, same server',
        'each of 500 keys on one server through 2,000 picks',
        { ...ring(), picks: 2000, keyOf: (i) => (i % 500) + 1 },
        (r) => {
          const home = new Map<number, number>();
          let moved = 0;
          r.custom.forEach((slot, i) => {
            const key = i % 500;
            if (!home.has(key)) home.set(key, slot);
            else if (home.get(key) !== slot) moved++;
          });
          return {
            passed: moved === 0,
            actual: moved === 0 ? 'always' : `${moved} picks went elsewhere`,
          };
        },
      ),
    () =>
      judged(
        host,
        code,
        'keys spread evenly',
        'each of five servers owns 12% to 28% of 3,000 keys',
        ring(),
        (r) => {
          const s = shares(r);
          return {
            passed: s.every((x) => x >= 0.12 && x <= 0.28),
            actual: s.map((x, i) => `${r.names[i]} ${percent(x)}`).join(', '),
          };
        },
      ),
    () =>
      judged(
        host,
        code,
        'when one of five leaves, only its keys move; they come back when it returns',
        'every key not on S3 keeps its server; S3’s keys return to S3',
        ring(
          [
            { at: KEYS, apply: (pool) => pool.remove(2) },
            { at: 2 * KEYS, apply: (pool) => pool.add({ name: 'S3', capacity: 1000 }) },
          ],
          3 * KEYS,
        ),
        (r) => {
          const [before, without, back] = namesByPass(r);
          let movedOthers = 0;
          let notBack = 0;
          before!.forEach((name, k) => {
            if (name !== 'S3' && without![k] !== name) movedOthers++;
            if (back![k] !== name) notBack++;
          });
          const passed = movedOthers === 0 && notBack === 0;
          return {
            passed,
            actual: passed
              ? 'only S3’s keys moved, and they came back'
              : `${movedOthers} keys of other servers moved; ${notBack} keys did not come back`,
          };
        },
      ),
    () =>
      judged(
        host,
        code,
        'a full server’s keys go elsewhere',
        'no pick of S1 while it is full, and no error',
        {
          servers: full.map((s, i) => (i === 0 ? { ...s, capacity: 1 } : s)),
          picks: 500,
          seed: 6,
          dispatch: false,
          finish: false,
          events: [{ at: 0, apply: (pool) => pool.setLoad(0, 1) }],
        },
        (r) => {
          const n = r.custom.filter((slot) => slot === 0).length;
          return {
            passed: n === 0,
            actual: n === 0 ? 'S1 was passed over' : `S1 picked ${n} times`,
          };
        },
      ),
    () => oneServer(host, code),
  ];
}
