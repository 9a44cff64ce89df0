import { SCALING_PANELS, seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the morning peak scales up for the rush and back down after it', async ({ playground }) => {
  // Nine simulated hours at 1000×, the rest of the day at "max": under a minute.
  test.setTimeout(180_000);
  await playground.open('&preset=morning-peak');
  const scaling = playground.autoscaling;
  await expect(scaling.panel).toBeVisible();
  await expect(scaling.enabled).toBeChecked();
  expect(await scaling.actual()).toBe(2);
  // 1000×: the rush (6:30 to 11:00 of a simulated day) takes about 16 s of the page's time and
  // its peak of 6 or more servers about 7 s, seen by any look; at "max" it lasted a few frames.
  await playground.controls.speed('1000');
  await playground.controls.play();
  // The rush: the HPA orders servers as utilization climbs past its 50% target.
  const peak = await scaling.waitForActual((n) => n >= 6, 150_000);
  await playground.controls.speed('max'); // the floor, once back, holds to the end of the day
  expect(peak).toBeGreaterThanOrEqual(6);
  await expect(scaling.reason).toContainText(/utilization/);
  // After the rush, once the 5-minute window lets it, back to the two-server floor.
  await scaling.waitForActual((n) => n === 2, 150_000);
  await expect(playground.byId('autoscaling.fleetChart')).toBeVisible();
  await expect(playground.byId('objectives.dollars')).toContainText('$');
});

test('a CSV trace is imported as traffic; a bad one is refused naming the line', async ({
  playground,
}) => {
  await playground.open();
  await playground.traffic.importTrace('bad.csv', 'time,rate\n0,10\n1000,abc\n2000,5\n');
  await expect(playground.byId('traffic.traceError')).toHaveText(
    'bad.csv was not imported: line 3: the rate "abc" is not a number.',
  );
  await expect(playground.traffic.segments).toHaveCount(1); // the classic burst, untouched
  await playground.traffic.importTrace('day.csv', 'time_s,rate\n0,5\n60,50\n120,5\n');
  await expect(playground.byId('traffic.traceError')).toHaveCount(0);
  await expect(playground.traffic.segments).toHaveCount(2);
  await expect(playground.traffic.segments.nth(1)).toHaveText(
    /trace of 3 points, 0:00–0:02, up to 50\/s/,
  );
});

test('the autoscaling panels, at work, have no serious accessibility problems; the HPA exports', async ({
  playground,
  page,
}) => {
  await playground.autoscalingAtWork();
  expect(await seriousViolations(page, SCALING_PANELS)).toEqual([]);

  await playground.byId('config.open').click();
  await page.locator('[data-testid="config.tab"][data-format="kubernetes"]').click();
  await expect(playground.byId('config.snippet')).toContainText('kind: HorizontalPodAutoscaler');
  await expect(playground.byId('config.snippet')).toContainText('averageUtilization: 60');
  await playground.byId('config.close').click();
});
