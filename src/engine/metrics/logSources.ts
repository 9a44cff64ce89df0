/**
 * The sources of an EventLog's lines as numbers. Each distinct name is kept once in a table, and
 * a line keeps its name's number in the log's typed array: storing a reference to a string in a
 * JS array costs V8 a write barrier, the dearest of a line's stores (the two such stores of each
 * line were about 15% of the log's cost in the live session's profile, `bench/liveSession.ts`).
 *
 * Names are never forgotten one by one (a held line may still need one), so the table could grow
 * without bound in a long run whose autoscaler names every new server afresh. When it is full,
 * `onFull` (the log) renumbers the names its held lines use and hands them back to `reset`.
 */
export class LogSources {
  private names: string[] = [];
  private readonly ids = new Map<string, number>();

  /**
   * `limit` (≥ 1): names held before `onFull` is asked to make room. The log holds at most its
   * capacity's lines, so it never needs more than that many names at once.
   */
  constructor(
    private readonly limit: number,
    private readonly onFull: () => void,
  ) {}

  /** Names in the table now. */
  get size(): number {
    return this.names.length;
  }

  /** The name numbered `id`. */
  name(id: number): string {
    return this.names[id]!;
  }

  /** The number of `name`, which joins the table if it is new. */
  intern(name: string): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (this.names.length >= this.limit) this.onFull();
    const id = this.names.length;
    this.names.push(name);
    this.ids.set(name, id);
    return id;
  }

  /** Starts again from `names`, numbered by their order. */
  reset(names: string[]): void {
    this.names = names;
    this.ids.clear();
    names.forEach((name, id) => this.ids.set(name, id));
  }
}
