import { ROUTE_HEDGE_BASE } from '../../engine/metrics/routeTrail.ts';
import { SERVER_COLOUR_COUNT, WARNING_COLOUR, serverColour } from '../../lib/palette.ts';
import { resolveCssColours } from '../../lib/cssColours.ts';
import type { Point } from './flowLayout.ts';

/** Where dots start, turn and land; read afresh every frame, so a resize re-aims dots in flight. */
export interface FlowAnchors {
  readonly clients: Point;
  readonly balancerIn: Point;
  readonly balancerOut: Point;
  readonly balancerDown: Point;
  readonly bin: Point;
  /** Server slot → where its dots land. */
  readonly servers: ReadonlyMap<number, Point>;
}

/** Most dots alive at once: past this a decision is not drawn (and not counted as shown). */
export const DOT_POOL = 200;
/**
 * Real time from the clients to the server or the bin: short, so at 1x a dot lands about when its
 * request starts service (typical service times are a few hundred ms) rather than after it ended.
 */
const TRAVEL_MS = 480;
/** Share of the trip spent reaching the balancer; the balancer → server leg is what teaches. */
const SPLIT = 0.3;
/**
 * On a page whose frames come late (a long render, a loaded machine) dots would jump: one frame
 * after they leave, the next after they landed, never seen in a server's colour. So a dot is at
 * most this far into its trip when first drawn, and the dots move on at most MAX_STEP_MS of their
 * trip per frame: on a slow page they lag rather than vanish. At 60 frames a second neither binds.
 */
const FIRST_STEP_MS = 16;
const MAX_STEP_MS = 100;

// A dot's state: free, spawned but not drawn yet (or waiting for its start time), in flight.
const FREE = 0;
const SPAWNED = 1;
const FLYING = 2;
const CIRCLE = 'M-3.5,0a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0';
/** A filled ✕, so a rejection differs from a routed dot by shape as well as colour. */
const CROSS =
  'M-4.5,-3 L-3,-4.5 L0,-1.5 L3,-4.5 L4.5,-3 L1.5,0 L4.5,3 L3,4.5 L0,1.5 L-3,4.5 L-4.5,3 L-1.5,0 Z';

/** A hedge (a second copy of a slow request): a diamond, in its server's colour. */
const DIAMOND = 'M0,-5 L5,0 L0,5 L-5,0 Z';

/** The server a hedge code names (ROUTE_HEDGE_BASE − slot), or -1 for any other destination. */
export function hedgeSlot(dest: number): number {
  return dest <= ROUTE_HEDGE_BASE ? ROUTE_HEDGE_BASE - dest : -1;
}

/** A request not yet routed: no server's colour, since the balancer has not chosen one. */
const UNROUTED = 'var(--ink-muted)';

const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * Moves up to DOT_POOL dots along clients → balancer → server with requestAnimationFrame,
 * drawing them on one canvas. They were SVG paths once, each frame setting 200 transforms, and
 * restyling and repainting them took a fifth of a core of the page's main thread at speed "max"
 * (measured per thread, Linux schedstat), CPU the simulation's worker then waited for on a 2-core
 * machine. It runs frames only while dots are in flight and allocates nothing per dot.
 */
export class DotAnimator {
  private readonly shapes = {
    circle: new Path2D(CIRCLE),
    cross: new Path2D(CROSS),
    diamond: new Path2D(DIAMOND),
  };
  private readonly start = new Float64Array(DOT_POOL);
  private readonly dest = new Int32Array(DOT_POOL);
  /** FREE, SPAWNED or FLYING. */
  private readonly state = new Uint8Array(DOT_POOL);
  private readonly free: number[] = [];
  private alive = 0;
  private frame = 0;
  /** The time of the last frame drawn, 0 while no frame is running. */
  private lastFrame = 0;
  private readonly unrouted: string;
  private readonly warning: string;
  private readonly servers: string[];

  /**
   * Draws in the theme's colours as they are now (a new theme needs a new animator); the canvas's
   * backing store is its CSS size (inline style) times the device pixel ratio.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly ctx: CanvasRenderingContext2D,
    private readonly anchors: () => FlowAnchors | null,
  ) {
    const servers = Array.from({ length: SERVER_COLOUR_COUNT }, (_, k) => serverColour(k));
    const [unrouted, warning, ...resolved] = resolveCssColours(canvas.parentElement ?? canvas, [
      UNROUTED,
      WARNING_COLOUR,
      ...servers,
    ]);
    this.unrouted = unrouted!;
    this.warning = warning!;
    this.servers = resolved;
    for (let i = DOT_POOL - 1; i >= 0; i--) this.free.push(i);
  }

  /**
   * Starts a dot towards `dest` (a slot; a hedge's code, to its slot; or another negative code,
   * to the reject bin) after `delayMs`; false when the pool is full.
   */
  spawn(dest: number, delayMs: number): boolean {
    const i = this.free.pop();
    if (i === undefined) return false;
    this.start[i] = performance.now() + delayMs;
    this.dest[i] = dest;
    this.state[i] = SPAWNED;
    this.alive++;
    if (this.frame === 0) this.frame = requestAnimationFrame(this.tick);
    return true;
  }

  private readonly tick = (now: number): void => {
    const a = this.anchors();
    const { canvas, ctx } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const scale = canvas.width / (parseFloat(canvas.style.width) || canvas.width);
    // Time beyond a step since the last frame is not travelled: dots already on their way start
    // that much later.
    const lag = this.lastFrame > 0 ? Math.max(0, now - this.lastFrame - MAX_STEP_MS) : 0;
    this.lastFrame = now;
    for (let i = 0; i < DOT_POOL; i++) {
      if (this.state[i] === FREE) continue;
      if (this.state[i] === FLYING) this.start[i] = this.start[i]! + lag;
      let p = (now - this.start[i]!) / TRAVEL_MS;
      if (p < 0) continue;
      if (this.state[i] === SPAWNED) {
        this.state[i] = FLYING;
        if (now - this.start[i]! > FIRST_STEP_MS) {
          this.start[i] = now - FIRST_STEP_MS;
          p = FIRST_STEP_MS / TRAVEL_MS;
        }
      }
      const d = this.dest[i]!;
      const hedged = hedgeSlot(d);
      const to = hedged >= 0 ? hedged : d;
      const target = !a ? undefined : to < 0 ? a.bin : a.servers.get(to);
      if (p >= 1 || !a || !target) {
        this.release(i);
        continue;
      }
      let x: number;
      let y: number;
      let shape = this.shapes.circle;
      // Until the balancer decides, a request is just a request: neutral, round.
      let fill = this.unrouted;
      if (p < SPLIT) {
        const t = smooth(p / SPLIT);
        x = a.clients.x + (a.balancerIn.x - a.clients.x) * t;
        y = a.clients.y + (a.balancerIn.y - a.clients.y) * t;
      } else {
        // The balancer has decided: the dot takes its server's colour (a diamond for a hedge),
        // or becomes a ✕.
        if (to < 0) {
          shape = this.shapes.cross;
          fill = this.warning;
        } else {
          if (hedged >= 0) shape = this.shapes.diamond;
          fill = this.servers[to % SERVER_COLOUR_COUNT]!;
        }
        const t = smooth((p - SPLIT) / (1 - SPLIT));
        const from = to < 0 ? a.balancerDown : a.balancerOut;
        x = from.x + (target.x - from.x) * t;
        y = from.y + (target.y - from.y) * t;
      }
      ctx.setTransform(scale, 0, 0, scale, x * scale, y * scale);
      ctx.fillStyle = fill;
      ctx.fill(shape);
    }
    this.frame = this.alive > 0 ? requestAnimationFrame(this.tick) : 0;
    if (this.frame === 0) this.lastFrame = 0;
  };

  private release(i: number): void {
    this.state[i] = FREE;
    this.free.push(i);
    this.alive--;
  }

  /** Stops the animation and clears every dot. */
  dispose(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFrame = 0;
    for (let i = 0; i < DOT_POOL; i++) if (this.state[i] !== FREE) this.release(i);
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}
