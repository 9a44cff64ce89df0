/**
 * The yardstick for `npm run bench`: the smallest fast discrete-event simulation of one model,
 * written the way one would by hand in typed arrays, with nothing the playground needs beyond the
 * model itself (no metrics but a mean, no log, no defences, no strategies behind an interface).
 *
 * The model (Mitzenmacher's supermarket model): `servers` servers of capacity 1 with unbounded FIFO
 * queues, exponential service times, Poisson arrivals at `load` × the pool's capacity, and power of
 * two choices: two distinct servers drawn at random, the request joins the one with fewer requests
 * (in service or waiting), the first drawn on ties. Events: one pending arrival, and one departure
 * per busy server in a binary min-heap keyed by time.
 */

/** xoshiro128** (as the engine uses), inlined so the reference depends on nothing. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
  }
  next(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export interface ReferenceResult {
  readonly arrivals: number;
  readonly served: number;
  /** Mean time from arrival to the end of service, ms. */
  readonly meanLatencyMs: number;
  readonly simulatedMs: number;
}

/**
 * Runs `arrivals` arrivals through the model and every request to its end. `meanServiceMs` is the
 * mean of the exponential service time.
 */
export function runReference(
  arrivals: number,
  servers = 100,
  load = 0.9,
  meanServiceMs = 1000,
  seed = 42,
): ReferenceResult {
  const rng = new Rng(seed);
  const meanGapMs = meanServiceMs / (servers * load);
  // Per server: requests held (in service + waiting) and a ring of their arrival times.
  const held = new Int32Array(servers);
  let ringSize = 1024;
  let rings = new Float64Array(servers * ringSize);
  const head = new Int32Array(servers);
  // Departures: a binary heap of (time, server), at most one per server.
  const heapTime = new Float64Array(servers);
  const heapServer = new Int32Array(servers);
  let heapSize = 0;

  const push = (time: number, server: number): void => {
    let i = heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapTime[p]! <= time) break;
      heapTime[i] = heapTime[p]!;
      heapServer[i] = heapServer[p]!;
      i = p;
    }
    heapTime[i] = time;
    heapServer[i] = server;
  };
  const pop = (): void => {
    const n = --heapSize;
    const t = heapTime[n]!;
    const s = heapServer[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heapTime[c + 1]! < heapTime[c]!) c++;
      if (t <= heapTime[c]!) break;
      heapTime[i] = heapTime[c]!;
      heapServer[i] = heapServer[c]!;
      i = c;
    }
    heapTime[i] = t;
    heapServer[i] = s;
  };
  const grow = (): void => {
    const next = new Float64Array(servers * ringSize * 2);
    for (let s = 0; s < servers; s++)
      for (let k = 0; k < held[s]!; k++)
        next[s * ringSize * 2 + k] = rings[s * ringSize + ((head[s]! + k) % ringSize)]!;
    head.fill(0);
    rings = next;
    ringSize *= 2;
  };

  let now = 0;
  let nextArrival = -Math.log(1 - rng.next()) * meanGapMs;
  let arrived = 0;
  let served = 0;
  let latencySum = 0;
  while (arrived < arrivals || heapSize > 0) {
    if (arrived < arrivals && (heapSize === 0 || nextArrival < heapTime[0]!)) {
      now = nextArrival;
      arrived++;
      const a = Math.floor(rng.next() * servers);
      let b = Math.floor(rng.next() * (servers - 1));
      if (b >= a) b++;
      const s = held[b]! < held[a]! ? b : a;
      if (held[s] === ringSize) grow();
      rings[s * ringSize + ((head[s]! + held[s]!) % ringSize)] = now;
      if (held[s]!++ === 0) push(now - Math.log(1 - rng.next()) * meanServiceMs, s);
      nextArrival = now - Math.log(1 - rng.next()) * meanGapMs;
    } else {
      now = heapTime[0]!;
      const s = heapServer[0]!;
      pop();
      latencySum += now - rings[s * ringSize + head[s]!]!;
      head[s] = (head[s]! + 1) % ringSize;
      served++;
      if (--held[s]! > 0) push(now - Math.log(1 - rng.next()) * meanServiceMs, s);
    }
  }
  return { arrivals: arrived, served, meanLatencyMs: latencySum / served, simulatedMs: now };
}
