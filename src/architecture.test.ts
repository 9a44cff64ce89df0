/**
 * The layer rules hold: each forbidden import is planted in a temporary file where it does not
 * belong and lint must refuse it (and the allowed counterpart must pass), so a rule that stops
 * working fails here rather than silently. The rules themselves are in eslint.config.js.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Probe {
  readonly rule: string;
  /** Folder under src/ the file is planted in. */
  readonly dir: string;
  readonly code: string;
  /** Whether lint must refuse it. */
  readonly refused: boolean;
}

const PROBES: Probe[] = [
  {
    rule: 'the engine imports the page',
    dir: 'engine',
    code: "import { formatMs } from '../lib/format.ts';\nvoid formatMs;",
    refused: true,
  },
  {
    rule: 'the engine imports the worker',
    dir: 'engine',
    code: "import { SimSession } from '../worker/simSession.ts';\nvoid SimSession;",
    refused: true,
  },
  {
    rule: 'the engine imports React',
    dir: 'engine',
    code: "import { useState } from 'react';\nvoid useState;",
    refused: true,
  },
  {
    rule: 'the engine imports its own modules',
    dir: 'engine',
    code: "import { LIMITS } from './scenario/limits.ts';\nvoid LIMITS;",
    refused: false,
  },
  {
    rule: 'the worker imports the store',
    dir: 'worker',
    code: "import { LogBook } from '../store/logBook.ts';\nvoid LogBook;",
    refused: true,
  },
  {
    rule: 'the worker imports a feature',
    dir: 'worker',
    code: "import { ServersPanel } from '../features/servers/index.ts';\nvoid ServersPanel;",
    refused: true,
  },
  {
    rule: 'the worker imports the charts',
    dir: 'worker',
    code: "import { Axis } from '../charts/Axis.tsx';\nvoid Axis;",
    refused: true,
  },
  {
    rule: 'the worker imports the engine',
    dir: 'worker',
    code: "import { Simulation } from '../engine/simulation.ts';\nvoid Simulation;",
    refused: false,
  },
  {
    rule: 'the page imports the schema at runtime',
    dir: 'features/servers',
    code: "import { parseScenario } from '../../engine/scenario/schema.ts';\nvoid parseScenario;",
    refused: true,
  },
  {
    rule: 'the page imports the schema’s types',
    dir: 'features/servers',
    code: "import type { RawScenario } from '../../engine/scenario/schema.ts';\nexport type X = RawScenario;",
    refused: false,
  },
  {
    rule: 'the page imports zod at runtime',
    dir: 'store',
    code: "import * as z from 'zod';\nvoid z;",
    refused: true,
  },
  {
    rule: 'a feature reaches into another feature',
    dir: 'features/cache',
    code: "import { ServerRow } from '../servers/ServerRow.tsx';\nvoid ServerRow;",
    refused: true,
  },
  {
    rule: 'a feature uses another feature’s entry point',
    dir: 'features/cache',
    code: "import { ServersPanel } from '../servers/index.ts';\nvoid ServersPanel;",
    refused: false,
  },
  {
    rule: 'the app shell reaches into a feature',
    dir: 'app',
    code: "import { ServerRow } from '../features/servers/ServerRow.tsx';\nvoid ServerRow;",
    refused: true,
  },
  {
    rule: 'the store imports learning content at runtime',
    dir: 'store',
    code: "import { LESSONS } from '../features/lessons/content/index.ts';\nvoid LESSONS;",
    refused: true,
  },
  {
    rule: 'the store imports the UI',
    dir: 'store',
    code: "import { TextField } from '../ui/TextField.tsx';\nvoid TextField;",
    refused: true,
  },
  {
    rule: 'comlink outside the worker',
    dir: 'store',
    code: "import { wrap } from 'comlink';\nvoid wrap;",
    refused: true,
  },
  {
    rule: 'zustand outside the store',
    dir: 'features/log',
    code: "import { create } from 'zustand';\nvoid create;",
    refused: true,
  },
  {
    rule: 'the engine imports the sandbox',
    dir: 'engine',
    code: "import { SandboxHost } from '../sandbox/sandboxHost.ts';\nvoid SandboxHost;",
    refused: true,
  },
  {
    rule: 'the engine imports QuickJS',
    dir: 'engine',
    code: "import { Lifetime } from 'quickjs-emscripten-core';\nvoid Lifetime;",
    refused: true,
  },
  {
    rule: 'the page imports the sandbox runtime',
    dir: 'features/strategy',
    code: "import { SandboxHost } from '../../sandbox/sandboxHost.ts';\nvoid SandboxHost;",
    refused: true,
  },
  {
    rule: 'the page imports QuickJS',
    dir: 'features/strategy',
    code: "import { Lifetime } from 'quickjs-emscripten-core';\nvoid Lifetime;",
    refused: true,
  },
  {
    rule: 'the page imports the sandbox’s templates and exercises (data only)',
    dir: 'features/strategy',
    code: "import { STRATEGY_TEMPLATES } from '../../sandbox/templates.ts';\nimport { EXERCISES } from '../../sandbox/exercises/catalog.ts';\nvoid STRATEGY_TEMPLATES;\nvoid EXERCISES;",
    refused: false,
  },
  {
    rule: 'the worker runs the sandbox',
    dir: 'worker',
    code: "import { SandboxHost } from '../sandbox/sandboxHost.ts';\nvoid SandboxHost;",
    refused: false,
  },
  {
    rule: 'the sandbox imports the page',
    dir: 'sandbox',
    code: "import { formatMs } from '../lib/format.ts';\nvoid formatMs;",
    refused: true,
  },
  {
    rule: 'the charts import the store',
    dir: 'charts',
    code: "import { useApp } from '../store/hooks.tsx';\nvoid useApp;",
    refused: true,
  },
];

const planted: string[] = [];

afterAll(() => {
  for (const file of planted) rmSync(file, { force: true });
});

describe('architecture rules held by lint', () => {
  it('refuses every forbidden import and lets the allowed ones through', async () => {
    const files = PROBES.map((p) => {
      const file = join(root, 'src', p.dir, `lint-probe-${randomUUID().slice(0, 8)}.ts`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${p.code}\n`);
      planted.push(file);
      return file;
    });
    const results = await new ESLint({ cwd: root }).lintFiles(files);
    const verdicts = PROBES.map((p, i) => {
      const errors = results[i]!.messages.filter((m) => m.severity === 2);
      return { rule: p.rule, refused: errors.length > 0, by: errors.map((e) => e.ruleId) };
    });
    expect(verdicts.map(({ rule, refused }) => ({ rule, refused }))).toEqual(
      PROBES.map(({ rule, refused }) => ({ rule, refused })),
    );
    // Refused for the planted import, not for something incidental (an unused variable).
    for (const v of verdicts.filter((v) => v.refused))
      expect(v.by.every((id) => /restricted-imports|boundaries/.test(id ?? ''))).toBe(true);
  }, 120_000);
});
