/**
 * Scheduled scaling (AWS scheduled actions, Kubernetes CronJobs that patch `replicas`): at given
 * simulated times the pool is set to a given count, optionally repeating every `repeatMs` (a day,
 * for a daily schedule). Between actions nothing changes: a schedule does not look at the load.
 */

export interface ScheduledAction {
  /** When, in ms from the start (from the start of each cycle when repeating). */
  readonly at: number;
  readonly servers: number;
}

export class ScheduledScaling {
  private readonly actions: readonly ScheduledAction[];

  constructor(
    schedule: readonly ScheduledAction[],
    /** Length of a cycle, or null for a schedule that runs once. */
    private readonly repeatMs: number | null,
  ) {
    this.actions = [...schedule].sort((a, b) => a.at - b.at);
  }

  /** The action in force at `t` (the last one at or before it), or null before the first. */
  actionAt(t: number): ScheduledAction | null {
    const list = this.actions;
    if (list.length === 0) return null;
    const within = this.repeatMs === null ? t : t - Math.floor(t / this.repeatMs) * this.repeatMs;
    let found: ScheduledAction | null = null;
    for (const a of list) {
      if (a.at > within) break;
      found = a;
    }
    if (found === null && this.repeatMs !== null && t >= this.repeatMs)
      return list[list.length - 1]!; // yesterday's last action still holds
    return found;
  }

  /** Time of the first action strictly after `t`, or Infinity. */
  nextAfter(t: number): number {
    const list = this.actions;
    if (list.length === 0) return Infinity;
    if (this.repeatMs === null) {
      for (const a of list) if (a.at > t) return a.at;
      return Infinity;
    }
    const cycle = Math.floor(t / this.repeatMs) * this.repeatMs;
    for (const a of list) if (cycle + a.at > t) return cycle + a.at;
    return cycle + this.repeatMs + list[0]!.at;
  }
}
