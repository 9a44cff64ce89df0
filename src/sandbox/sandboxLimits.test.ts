import { describe, expect, test } from 'vitest';
import { Xoshiro128 } from '../engine/random.ts';
import { nodeSandboxHost } from './node/nodeSandboxHost.ts';
import { SandboxError } from './sandboxError.ts';
import { loadError, request, sandboxed } from './testing/sandboxed.ts';

const TWO = [
  { name: 'A', capacity: 3 },
  { name: 'B', capacity: 3 },
];

/** Picks once and returns the failure (the test fails when the pick succeeded). */
async function pickError(code: string): Promise<SandboxError> {
  const { strategy, pool } = await sandboxed(code, TWO);
  const slot = strategy.pick(pool, request(1), new Xoshiro128(1));
  expect(slot).toBe(-1);
  expect(strategy.failure).toBeInstanceOf(SandboxError);
  return strategy.failure!;
}

/**
 * Runs `probe` (an expression) at the top level of a strategy and returns its value: the code
 * throws it as JSON, and the load error carries it out.
 */
async function inside(probe: string): Promise<unknown> {
  const error = await loadError(`throw new Error(JSON.stringify(${probe}));`);
  const json = /threw Error: (.*)\.$/.exec(error.message)?.[1];
  return JSON.parse(json!);
}

describe('the sandbox stops code that runs away', () => {
  test('an endless loop in selectServer is interrupted, naming the function and its line', async () => {
    // QuickJS reports an interrupted loop at the start of the function it runs in.
    const error = await pickError('\nfunction selectServer(servers) {\n  while (true) {}\n}');
    expect(error.kind).toBe('timeout');
    expect(error.where).toBe('selectServer');
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'Line 2: selectServer ran for more than 500 ms and was stopped (an endless loop?).',
    );
  });

  test('an endless loop while loading is interrupted too', async () => {
    const error = await loadError(
      'let n = 0;\nfor (;;) n++;\nfunction selectServer(s) { return s[0]; }',
    );
    expect(error.kind).toBe('timeout');
    expect(error.where).toBe('load');
    expect(error.message).toBe(
      'Line 1: The code, while loading, ran for more than 500 ms and was stopped (an endless loop?).',
    );
  });

  test('the limit is per call: a run of quick calls is never interrupted', async () => {
    const { strategy, pool } = await sandboxed(
      'function selectServer(servers) { let x = 0; for (let i = 0; i < 2000; i++) x += i; return servers[x % 2]; }',
      TWO,
      { callMs: 50, heapBytes: 32 * 2 ** 20, stackBytes: 256 * 1024 },
    );
    const rng = new Xoshiro128(1);
    for (let i = 0; i < 2000; i++) strategy.pick(pool, request(i), rng);
    expect(strategy.failure).toBeNull();
  });

  test.each([
    ['arrays of numbers', 'const keep = []; for (;;) keep.push(new Array(100000).fill(1));'],
    ['strings', 'const keep = []; for (;;) keep.push("x".repeat(1 << 20) + keep.length);'],
    ['typed arrays', 'const keep = []; for (;;) keep.push(new Float64Array(1 << 16));'],
    ['small objects', 'const keep = []; for (;;) keep.push({ a: keep.length, b: [1, 2, 3] });'],
  ])('a memory bomb of %s runs out of memory inside the sandbox', async (_label, bomb) => {
    // A host of its own: running out of memory may leave QuickJS unable to free its runtime.
    const host = await nodeSandboxHost();
    const { strategy, pool } = await sandboxed(
      `function selectServer(servers) {\n  ${bomb}\n}`,
      TWO,
      undefined,
      host,
    );
    expect(strategy.pick(pool, request(1), new Xoshiro128(1))).toBe(-1);
    const error = strategy.failure!;
    // Small objects can be stopped by the time limit before the memory runs out; either way the
    // code was stopped inside the sandbox and said so.
    expect(['memory', 'timeout']).toContain(error.kind);
    if (_label !== 'small objects') expect(error.kind).toBe('memory');
    // When QuickJS has no memory left even for the error object, there is no stack to read a line
    // from (explainError gets null); otherwise the sentence names line 2, where the bomb is. A
    // timeout (a loaded machine) names line 1: QuickJS reports an interrupted loop at the start of
    // the function it runs in, as in the endless loop above.
    if (error.kind === 'memory') {
      expect(error.message).toMatch(/^(Line 2: )?selectServer ran out of memory/);
      if (error.line !== null) expect(error.line).toBe(2);
    } else {
      expect(error.message).toBe(
        'Line 1: selectServer ran for more than 500 ms and was stopped (an endless loop?).',
      );
    }
  });

  test('deep recursion is a stack overflow, not a crash', async () => {
    const error = await pickError(
      'function f(n) { return f(n + 1) + 1; }\nfunction selectServer(s) { return f(0); }',
    );
    expect(error.kind).toBe('stack');
    expect(error.message).toBe('Line 1: selectServer recursed too deeply (stack overflow).');
  });
});

describe('the sandbox has no way out', () => {
  test('no network, timers, clock, host objects or module loading', async () => {
    const names = [
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'process',
      'require',
      'module',
      'importScripts',
      'postMessage',
      'self',
      'window',
      'document',
      'setTimeout',
      'setInterval',
      'queueMicrotask',
      'Date',
      'performance',
      'console',
      'WeakRef',
      'FinalizationRegistry',
      'SharedArrayBuffer',
    ];
    const types = await inside(`[${names.map((n) => `typeof ${n}`).join(', ')}]`);
    expect(types).toEqual(names.map(() => 'undefined'));
  });

  test('globalThis holds ECMAScript built-ins and nothing of the host', async () => {
    const own = (await inside('Object.getOwnPropertyNames(globalThis)')) as string[];
    const builtIns = new Set([
      ...['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math'],
      ...['JSON', 'Reflect', 'Proxy', 'Promise', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet'],
      ...['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError'],
      ...['URIError', 'InternalError', 'AggregateError', 'Iterator', 'ArrayBuffer', 'DataView'],
      ...['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array'],
      ...['Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array', 'Float16Array'],
      ...['Float32Array', 'Float64Array', 'parseInt', 'parseFloat', 'isNaN', 'isFinite'],
      ...['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape'],
      ...['unescape', 'Infinity', 'NaN', 'undefined', 'eval', 'globalThis'],
    ]);
    expect(own.filter((name) => !builtIns.has(name))).toEqual([]);
  });

  test('a Function built from a string sees the same bare global', async () => {
    expect(await inside("Function('return typeof process + typeof fetch')()")).toBe(
      'undefinedundefined',
    );
  });

  test('import is not available to a strategy', async () => {
    const error = await loadError(
      "import fs from 'node:fs';\nfunction selectServer(s) { return s[0]; }",
    );
    expect(error.kind).toBe('syntax');
    expect(error.line).toBe(1);
  });
});

describe('errors name the line and what happened', () => {
  test('a stranger object: what came back, at the line selectServer is declared', async () => {
    const error = await pickError(
      '// a comment\nfunction selectServer(servers) {\n  return { name: "evil" };\n}',
    );
    expect(error.kind).toBe('returned');
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'Line 2: selectServer returned an object that is not one of the servers offered ' +
        '({"name":"evil"}). It must return one of the servers it was offered, or that ' +
        "server's index.",
    );
  });

  test.each([
    [
      'nothing',
      'function selectServer(s) {}',
      'undefined (did a path through selectServer miss a return?)',
    ],
    [
      'a copy',
      'function selectServer(s) { return { ...s[0] }; }',
      'a copy of A (return the object from servers itself, or its index)',
    ],
    [
      'a name',
      'function selectServer(s) { return "B"; }',
      'the string "B" (return the server object or its index, not its name)',
    ],
    [
      'a bad index',
      'function selectServer(s) { return 7; }',
      '7, which is not the index of any server offered (their indexes: 0, 1)',
    ],
    [
      'a fraction',
      'function selectServer(s) { return 0.5; }',
      "0.5, which is not a server's index",
    ],
    [
      'a promise',
      'async function selectServer(s) { return s[0]; }',
      'a Promise (selectServer must answer at once: async functions are not supported)',
    ],
  ])('returning %s says what it was', async (_label, code, what) => {
    const error = await pickError(code);
    expect(error.kind).toBe('returned');
    expect(error.message).toBe(
      `Line 1: selectServer returned ${what}. It must return one of the servers it was offered, or that server's index.`,
    );
  });

  test('a server that is not on offer (full) is refused by name', async () => {
    const { strategy, pool } = await sandboxed('function selectServer(s) { return 1; }', TWO);
    pool.setLoad(1, 3);
    expect(strategy.pick(pool, request(1), new Xoshiro128(1))).toBe(-1);
    expect(strategy.failure!.message).toContain(
      'returned 1, the index of B, which is not on offer now (down or full)',
    );
  });

  test('a throw names its line and the error', async () => {
    const error = await pickError(
      'function selectServer(servers) {\n  const s = servers[9];\n  return s.active;\n}',
    );
    expect(error).toMatchObject({ kind: 'threw', where: 'selectServer', line: 3, column: 11 });
    expect(error.message).toBe(
      "Line 3: selectServer threw TypeError: cannot read property 'active' of undefined.",
    );
  });

  test('a throw of a plain value is quoted', async () => {
    const error = await pickError('function selectServer() {\n  throw "no servers I like";\n}');
    expect(error.line).toBeNull();
    expect(error.message).toBe(
      'selectServer threw "no servers I like" (throw an Error to see the line it came from).',
    );
  });

  test('a throw in a hook names the hook', async () => {
    const { strategy, pool } = await sandboxed(
      'function selectServer(s) { return s[0]; }\nfunction onComplete(server, ms, state) {\n  state.x.y = 1;\n}',
      TWO,
    );
    const rng = new Xoshiro128(1);
    expect(strategy.pick(pool, request(1), rng)).toBe(0);
    pool.dispatch(0);
    strategy.onComplete(0, 250);
    expect(strategy.pick(pool, request(2), rng)).toBe(-1);
    expect(strategy.failure).toMatchObject({ kind: 'threw', where: 'onComplete', line: 3 });
  });

  test('a syntax error names its line and column', async () => {
    const error = await loadError('function selectServer(servers) {\n  return servers[0;\n}');
    expect(error).toMatchObject({ kind: 'syntax', where: 'load', line: 2 });
    expect(error.message).toMatch(/^Line 2: SyntaxError: /);
  });

  test('code without selectServer is told what to define', async () => {
    const error = await loadError('function pick(servers) { return servers[0]; }');
    expect(error.kind).toBe('definition');
    expect(error.message).toBe(
      'Define a function selectServer(servers, request, state) that returns one of servers.',
    );
  });

  test('a hook that is not a function is named', async () => {
    const error = await loadError('function selectServer(s) { return s[0]; }\nvar onComplete = 5;');
    expect(error.message).toBe(
      'onComplete must be a function when it is defined, but it is number.',
    );
  });

  test('after a failure every pick returns -1 at once and the failure stays', async () => {
    const { strategy, pool } = await sandboxed('function selectServer(s) { return null; }', TWO);
    const rng = new Xoshiro128(1);
    expect(strategy.pick(pool, request(1), rng)).toBe(-1);
    const first = strategy.failure;
    expect(strategy.pick(pool, request(2), rng)).toBe(-1);
    expect(strategy.failure).toBe(first);
  });
});
