/**
 * What every exporter works out the same way from a setup: the placeholder hosts, the strategy's
 * settings with their defaults, the limits in total, and the notes that hold for all three
 * products.
 */
import { STRATEGY_INFO } from '../../../engine/strategies/index.ts';
import { CUSTOM_STRATEGY, type StrategyName } from '../../../engine/strategies/strategy.ts';
import { addressNote, commentText, placeholderAddresses, sectionName } from './names.ts';
import type { ConfigFormat, ConfigSnippet, ExportServer, ExportSetup } from './types.ts';
import { listWeights } from './weights.ts';

/** The simulation's defaults for options a setup may leave out. */
export const DEFAULT_CHOICES = 2;
export const DEFAULT_VIRTUAL_NODES = 100;

/** Strategies that route on the request's key; the configs hash the request URI instead. */
const HASHING: ReadonlySet<string> = new Set(['consistent-hash', 'modulo-hash', 'maglev']);

/** What a setup says, read once for every format. */
export interface Prepared {
  readonly setup: ExportSetup;
  readonly servers: readonly ExportServer[];
  /** Placeholder address (documentation range) and port per server, in order. */
  readonly hosts: readonly string[];
  readonly ports: readonly number[];
  /** Upstream / backend / cluster name. */
  readonly section: string;
  /** The strategy as the UI names it ("Least connections"); the raw name when unknown. */
  readonly label: string;
  readonly choices: number;
  readonly virtualNodes: number;
  /** Sum of every server's capacity. */
  readonly totalCapacity: number;
  /** Queue limits, summarised: how many servers refuse at once, wait unbounded or bounded. */
  readonly queues: { readonly zero: number; readonly unbounded: number; readonly bounded: number };
  readonly hashing: boolean;
}

/** The strategy's label from STRATEGY_INFO, or its name for a strategy this build does not know. */
export function strategyLabel(name: string): string {
  const info = (STRATEGY_INFO as Partial<Record<string, { label: string }>>)[name];
  return info?.label ?? name;
}

export function prepare(setup: ExportSetup): Prepared {
  const servers = setup.servers;
  const positive = (v: number | undefined, fallback: number) =>
    v !== undefined && Number.isInteger(v) && v >= 1 ? v : fallback;
  const addresses = placeholderAddresses(servers.length);
  return {
    setup,
    servers,
    hosts: addresses.map((a) => a.host),
    ports: addresses.map((a) => a.port),
    section: sectionName(setup.name),
    label: strategyLabel(setup.strategy),
    choices: positive(setup.strategyOptions.choices, DEFAULT_CHOICES),
    virtualNodes: positive(setup.strategyOptions.virtualNodes, DEFAULT_VIRTUAL_NODES),
    totalCapacity: servers.reduce((sum, s) => sum + s.capacity, 0),
    queues: {
      zero: servers.filter((s) => s.queueLimit === 0).length,
      unbounded: servers.filter((s) => s.queueLimit === null).length,
      bounded: servers.filter((s) => s.queueLimit !== null && s.queueLimit > 0).length,
    },
    hashing: HASHING.has(setup.strategy),
  };
}

/** The comment lines every snippet starts with. */
export function header(p: Prepared, product: string): string[] {
  const count = `${p.servers.length} server${p.servers.length === 1 ? '' : 's'}`;
  return [
    `# ${product} equivalent of the Balancer Playground setup “${commentText(p.setup.name, 60)}”:`,
    `# ${commentText(p.label, 40).toLowerCase()}, ${count}. Addresses are placeholders:`,
    `# documentation addresses (RFC 5737) that ${product} accepts as written but that reach`,
    '# nothing. Put your servers’ addresses in their place.',
  ];
}

/** Whether the setup's weights differ at all (a strategy that ignores them then needs a note). */
function weightsDiffer(servers: readonly ExportServer[]): boolean {
  return servers.some((s) => s.weight !== servers[0]!.weight);
}

/** Notes every format shares: the addresses, what is not exported, ignored weights, hash keys. */
export function commonNotes(p: Prepared, writesWeights: boolean): string[] {
  const notes = [
    addressNote(
      p.servers.map((s) => s.name),
      p.hosts.map((h, i) => `${h}:${p.ports[i]}`),
    ),
  ];
  if (!writesWeights && p.servers.length > 1 && weightsDiffer(p.servers)) {
    notes.push(
      `The simulated ${p.label.toLowerCase()} ignores weights, so the setup’s weights ` +
        `(${listWeights(p.servers.map((s) => s.weight))}) are not written: every server has the ` +
        'same weight here. Writing them in would make the product weigh its choices.',
    );
  }
  if (p.hashing) {
    notes.push(
      'The simulation hashes each request’s cache key; here the request URI (path and query) ' +
        'plays that part, so requests for the same URI land on the same server. The hash ' +
        'functions differ, so which key lands where differs too: only the way keys spread and move ' +
        'is comparable.',
    );
  }
  // With defences, the faults they answer (error rates, partitions, events) are the world's part.
  const world = p.setup.resilience
    ? ', the traffic, the scheduled events and the injected faults (error rates, partitions)'
    : ' and the traffic';
  notes.push(
    'Not exported: the cache (part of the simulated service, not a balancer setting), server ' +
      `speed and service times (properties of the servers)${world}.`,
  );
  return notes;
}

/**
 * How one product does each of the simulation's strategies: every strategy must be listed, so a
 * new one does not compile until each exporter says what it becomes.
 */
export type StrategyTable<M> = { readonly [K in StrategyName]: (p: Prepared) => M };

/**
 * Where each product runs balancing code a person writes, for a setup whose strategy is their own
 * (the code itself is not translated: it is JavaScript for the playground's sandbox).
 */
const OWN_CODE_HOOK: Readonly<Record<string, string>> = {
  NGINX:
    'OpenResty’s `balancer_by_lua_block` runs Lua that picks the peer of each request ' +
    '(`ngx.balancer.set_current_peer`)',
  HAProxy:
    'a Lua sample fetch (`core.register_fetches`) can choose among one-server backends with ' +
    '`use_backend %[lua.<name>]`',
  Envoy:
    'a load balancing policy extension (`load_balancing_policy` with a typed extension, ' +
    'compiled into Envoy) replaces the built-in policies',
};

/** The note for a strategy with no equivalent (one this build does not know, or the person's own). */
export function noEquivalent(p: Prepared, product: string, standIn: string): string {
  if (p.setup.strategy === CUSTOM_STRATEGY) {
    const hook = OWN_CODE_HOOK[product];
    return (
      `Your own strategy is code run in the playground’s sandbox, which ${product} cannot load; ` +
      `${standIn} stands in its place. To run the same rule, port the code: ${hook ?? 'see the product’s extension points'}.`
    );
  }
  return `“${p.label}” has no ${product} equivalent that this export knows of; ${standIn} stands in its place.`;
}

/** The product's way of doing the setup's strategy; `standIn` for one this build does not know. */
export function mapStrategy<M>(
  p: Prepared,
  table: StrategyTable<M>,
  standIn: (p: Prepared) => M,
): M {
  const known = (table as Partial<Record<string, (p: Prepared) => M>>)[p.setup.strategy];
  return known ? known(p) : standIn(p);
}

/** What one product's snippet is made of. */
export interface SnippetParts {
  readonly format: ConfigFormat;
  readonly product: string;
  /** The file name's ending, e.g. `nginx.conf`. */
  readonly extension: string;
  readonly mimeType: string;
  /** The product's way of doing the strategy, with its notes. */
  readonly strategy: {
    readonly method: string;
    readonly exact: boolean;
    readonly notes: readonly string[];
  };
  readonly lines: readonly string[];
  /** The product's own notes: its limits and queues, servers marked down, its quirks. */
  readonly notes: readonly string[];
  readonly defenceNotes: readonly string[];
}

/**
 * A snippet with its notes laid out the same way for every product: first how the strategy maps,
 * then the product's own limits and marks, then what holds for all three (addresses, weights a
 * strategy ignores, hash keys, what is not exported).
 */
export function snippet(p: Prepared, parts: SnippetParts): ConfigSnippet {
  return {
    format: parts.format,
    product: parts.product,
    method: parts.strategy.method,
    exact: parts.strategy.exact,
    text: `${parts.lines.join('\n')}\n`,
    notes: [
      ...parts.strategy.notes,
      ...parts.notes,
      ...commonNotes(p, p.setup.strategy === 'weighted-round-robin'),
    ],
    defenceNotes: parts.defenceNotes,
    fileName: `${p.section}.${parts.extension}`,
    mimeType: parts.mimeType,
  };
}
