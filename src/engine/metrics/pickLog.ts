import type { PickTrace } from '../strategies/strategy.ts';

/** One routing decision explained: what the strategy looked at and what it chose. */
export interface PickRecord {
  /** Grows by one per record, so a reader can ask for what is new. */
  readonly seq: number;
  readonly time: number;
  readonly requestId: number;
  /** 0 for the first attempt, n for the n-th retry. */
  readonly attempt: number;
  /** Which of the independent balancers decided (0 when there is one). */
  readonly balancer: number;
  readonly strategy: string;
  /** The slot chosen, or -1 when the strategy had nothing to offer. */
  readonly chosen: number;
  readonly candidates: ReadonlyArray<{ readonly slot: number; readonly score: number }>;
  readonly considered: number;
  readonly scoreName: string;
  readonly lowerWins: boolean;
  readonly rule: string;
  /** How the balancer's answer differs from the strategy's pick, if it does (e.g. stale load). */
  readonly outcome: string;
}

/** The last few explained routing decisions, in a fixed ring. */
export class PickLog {
  total = 0;
  private readonly ring: PickRecord[] = [];

  constructor(readonly capacity: number) {}

  record(
    time: number,
    requestId: number,
    attempt: number,
    balancer: number,
    strategy: string,
    chosen: number,
    trace: PickTrace,
    outcome: string,
  ): void {
    const candidates = trace.slots.map((slot, i) => ({ slot, score: trace.scores[i] ?? NaN }));
    this.ring[this.total % this.capacity] = {
      seq: this.total,
      time,
      requestId,
      attempt,
      balancer,
      strategy,
      chosen,
      candidates,
      considered: trace.considered,
      scoreName: trace.scoreName,
      lowerWins: trace.lowerWins,
      rule: trace.rule,
      outcome,
    };
    this.total++;
  }

  /** Records with seq >= `seq` still held, oldest first. */
  since(seq: number): PickRecord[] {
    const from = Math.max(seq, this.total - this.capacity, 0);
    const out: PickRecord[] = [];
    for (let s = from; s < this.total; s++) out.push(this.ring[s % this.capacity]!);
    return out;
  }
}
