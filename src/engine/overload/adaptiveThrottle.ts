/**
 * Client-side adaptive throttling, from Google's SRE book ("Handling Overload", Beyer et al.,
 * 2016): each client remembers, over the last two minutes, how many requests its application
 * attempted (`requests`) and how many the backends accepted (`accepts`). While backends accept
 * everything the two are equal; when they start refusing, the client rejects new requests locally,
 * before they cost the backends anything, with probability
 *
 *     max(0, (requests − K × accepts) / (requests + 1))
 *
 * so it keeps sending about K requests per request accepted (K = 2 in the book). Requests the
 * client rejected itself still count in `requests`, which is what makes the probability climb while
 * the backends refuse, and fall again as accepts come back.
 *
 * The two-minute window is kept as counts in one-second bins (120 by default): a request or an
 * accept counts from its bin's start until the window has moved a whole window past it.
 */
export class AdaptiveThrottle {
  private readonly requests: Float64Array;
  private readonly accepts: Float64Array;
  private readonly binMs: number;
  /** The bin the arrays were last brought up to (bins before it and in the window are kept). */
  private currentBin = 0;
  private requestTotal = 0;
  private acceptTotal = 0;

  constructor(
    /** Requests the client allows itself per request accepted. */
    readonly k = 2,
    readonly windowMs = 120_000,
    readonly bins = 120,
  ) {
    this.binMs = windowMs / bins;
    this.requests = new Float64Array(bins);
    this.accepts = new Float64Array(bins);
  }

  /** Requests attempted in the window ending at `now` (locally rejected ones included). */
  requestsInWindow(now: number): number {
    this.advance(now);
    return this.requestTotal;
  }

  /** Requests the backends accepted in the window ending at `now`. */
  acceptsInWindow(now: number): number {
    this.advance(now);
    return this.acceptTotal;
  }

  /** The book's client request rejection probability at `now`. */
  rejectProbability(now: number): number {
    this.advance(now);
    const requests = this.requestTotal;
    return Math.max(0, (requests - this.k * this.acceptTotal) / (requests + 1));
  }

  /**
   * The application attempts a request at `now`; `u` is a uniform draw in [0, 1). Counts it and
   * returns whether the client sends it (false: rejected locally, "throttled").
   */
  admit(now: number, u: number): boolean {
    const p = this.rejectProbability(now);
    this.add(this.requests, now);
    this.requestTotal++;
    return !(u < p);
  }

  /** A backend accepted a request at `now`. */
  onAccept(now: number): void {
    this.advance(now);
    this.add(this.accepts, now);
    this.acceptTotal++;
  }

  private add(counts: Float64Array, now: number): void {
    counts[Math.floor(now / this.binMs) % this.bins]!++;
  }

  /** Empties the bins that fell out of the window since the last call. */
  private advance(now: number): void {
    const bin = Math.floor(now / this.binMs);
    if (bin <= this.currentBin) return;
    const stale = Math.min(bin - this.currentBin, this.bins);
    for (let i = 1; i <= stale; i++) {
      const b = (this.currentBin + i) % this.bins;
      this.requestTotal -= this.requests[b]!;
      this.acceptTotal -= this.accepts[b]!;
      this.requests[b] = 0;
      this.accepts[b] = 0;
    }
    this.currentBin = bin;
  }
}
