import { test as base, expect, type Page } from '@playwright/test';
import { AutoscalingArea } from './pages/AutoscalingArea.ts';
import { CompareArea } from './pages/CompareArea.ts';
import { LearnArea } from './pages/LearnArea.ts';
import { RunControls } from './pages/RunControls.ts';
import { ServersArea } from './pages/ServersArea.ts';
import { SummaryArea } from './pages/SummaryArea.ts';
import { SweepArea } from './pages/SweepArea.ts';
import { TrafficArea } from './pages/TrafficArea.ts';

/**
 * Drives the playground by its test ids, the way a person would use it: one page object per
 * area of the screen (pages/), and the console watched for errors.
 */
export class Playground {
  readonly errors: string[] = [];
  readonly servers: ServersArea;
  readonly traffic: TrafficArea;
  readonly controls: RunControls;
  readonly summary: SummaryArea;
  readonly compare: CompareArea;
  readonly learn: LearnArea;
  readonly sweep: SweepArea;
  readonly autoscaling: AutoscalingArea;
  private guideSeen = false;

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning')
        this.errors.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
    this.servers = new ServersArea(page);
    this.traffic = new TrafficArea(page);
    this.controls = new RunControls(page);
    this.summary = new SummaryArea(page);
    this.compare = new CompareArea(page);
    this.learn = new LearnArea(page);
    this.sweep = new SweepArea(page);
    this.autoscaling = new AutoscalingArea(page);
  }

  /**
   * Opens the page with animation off (unless `motion`) and waits until the simulation answers.
   * A fresh browser is a first visit, which opens the getting-started guide; it is marked as seen
   * beforehand unless `guide` asks for the newcomer's page.
   */
  async open(
    query = '',
    { guide = false, motion = false }: { guide?: boolean; motion?: boolean } = {},
  ): Promise<void> {
    if (!guide && !this.guideSeen) {
      this.guideSeen = true;
      await this.page.addInitScript(() => {
        try {
          localStorage.setItem('balancer-playground.guide', 'dismissed');
        } catch {
          // no storage: the guide shows, which changes no test's outcome
        }
      });
    }
    // Without motion unless a test looks at it: counts instead of dots keep screens steady.
    await this.page.goto(`./?motion=${motion ? 1 : 0}${query}`);
    await expect(this.controls.clock).toBeVisible();
    await expect(this.servers.rows.first()).toBeVisible();
  }

  /**
   * The autoscaling panels at work: the cold-starts preset at 100× until its spike has added
   * servers (twenty simulated minutes in twelve seconds; they stay about six), then paused with
   * the list of scaling actions open.
   */
  async autoscalingAtWork(): Promise<void> {
    await this.open('&preset=cold-starts');
    await this.controls.speed('100');
    await this.controls.play();
    await this.autoscaling.waitForActual((n) => n > 2, 60_000);
    await this.controls.pause();
    await this.byId('autoscaling.actions').locator('summary').click();
  }

  byId(id: string) {
    return this.page.getByTestId(id);
  }

  /** The number shown in an element whose text is a count like "1,234". */
  async count(id: string): Promise<number> {
    const text = (await this.byId(id).first().textContent()) ?? '';
    const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
    return match ? Number(match[0]) : NaN;
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await use(playground);
    // Every test doubles as a check that the page logged no errors or warnings.
    expect(playground.errors).toEqual([]);
  },
});

export { expect };
