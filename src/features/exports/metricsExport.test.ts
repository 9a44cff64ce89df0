import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../../engine/scenario/schema.ts';
import { SimSession } from '../../worker/simSession.ts';
import {
  csvCell,
  metricsCsv,
  metricsFileName,
  metricsJson,
  serverTotalsCsv,
  type MetricsHistory,
  type MetricsSnapshot,
} from './metricsExport.ts';

/** The classic demo run to its end, as the page's snapshot of it. */
function classicSnapshot() {
  const session = new SimSession(DEFAULT_SCENARIO);
  session.load(PRESETS.find((p) => p.id === 'classic')!.raw);
  session.simulation.runToEnd();
  return session.snapshot({ sinceVersion: -1, logSeq: 0, routeSeq: 0, pickSeq: 0 })!;
}

const f64 = (...v: number[]) => Float64Array.from(v);

/** Three samples, the per-server window holding the last two, one interval without latencies. */
function tinySnapshot(): MetricsSnapshot {
  const summary = classicSnapshot().summary;
  return {
    now: 300,
    strategy: 'round-robin',
    summary: {
      ...summary,
      servers: [
        {
          name: '=cmd',
          served: 2,
          rejected: 1,
          failed: 0,
          ejections: 0,
          cacheHitRate: null,
          utilization: 0.25,
          peakActive: 2,
        },
      ],
    },
    series: {
      length: 3,
      time: f64(100, 200, 300),
      arrivalsPerSec: f64(10, 0, 12345.5),
      throughputPerSec: f64(0, 10, 1 / 3),
      rejectionsPerSec: f64(0, 0, 0),
      p50: f64(NaN, 250, 260),
      p90: f64(NaN, 300, 310),
      p99: f64(NaN, 400, 410),
      cacheHitRate: f64(NaN, 0.5, 1),
      inFlight: f64(1, 2, 0),
    } as unknown as MetricsSnapshot['series'],
    serverSeries: {
      length: 2,
      time: f64(200, 300),
      active: Float32Array.from([1, 0, 2, 3]),
      queued: Float32Array.from([0, 0, 1, 0]),
    },
    servers: [
      { name: 'A, "big"', slot: 0 },
      { name: 'B', slot: 1 },
    ] as unknown as MetricsSnapshot['servers'],
    histogram: { lower: f64(200, 250), upper: f64(250, 300), counts: f64(1, 2) },
    setup: { name: 'Tiny', seed: 7, sampleIntervalMs: 100 },
  };
}

describe('metricsCsv', () => {
  it('writes a header with units and one row per sample, NaN as empty cells', () => {
    const lines = metricsCsv(tinySnapshot()).split('\r\n');
    expect(lines).toEqual([
      'time (ms),arrivals (/s),throughput (/s),rejections (/s),p50 latency (ms),p90 latency (ms),' +
        'p99 latency (ms),cache hit rate (0-1),in flight (requests),"A, ""big"" active (requests)",' +
        '"A, ""big"" queued (requests)",B active (requests),B queued (requests)',
      '100,10,0,0,,,,,1,,,,',
      '200,0,10,0,250,300,400,0.5,2,1,0,2,1',
      '300,12345.5,0.333333,0,260,310,410,1,0,0,0,3,0',
      '',
    ]);
  });

  it('covers every sample of a real run of the classic demo', () => {
    const snap = classicSnapshot();
    const lines = metricsCsv(snap).trimEnd().split('\r\n');
    expect(snap.series.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(snap.series.length + 1);
    expect(lines[0]).toMatch(/^time \(ms\),arrivals \(\/s\),/);
    expect(lines[0]).toContain('Server-C queued (requests)');
  });
});

describe('metricsJson', () => {
  it('holds the scenario, summary, series, per-server series and histogram', () => {
    const snap = classicSnapshot();
    const doc = JSON.parse(metricsJson(snap));
    expect(doc).toMatchObject({ scenario: 'Classic demo', seed: 42, strategy: 'round-robin' });
    expect(doc.summary.requests.served).toBe(9);
    expect(doc.summary.requests.rejected).toBe(1);
    expect(doc.simulatedMs).toBeCloseTo(snap.now, 5);
    expect(doc.series).toHaveLength(snap.series.length);
    expect(Object.keys(doc.series[0])).toEqual(
      expect.arrayContaining(['timeMs', 'p99Ms', 'inFlight']),
    );
    expect(doc.serverSeries.map((s: { name: string }) => s.name)).toEqual([
      'Server-A',
      'Server-B',
      'Server-C',
    ]);
    const counted = doc.latencyHistogram.reduce(
      (sum: number, b: { count: number }) => sum + b.count,
      0,
    );
    expect(counted).toBe(9);
    expect(doc.coverage).toMatchObject({ source: 'recent window', rows: snap.series.length });
  });

  it('writes NaN as null and keeps per-server rows by server', () => {
    const doc = JSON.parse(metricsJson(tinySnapshot()));
    expect(doc.series[0]).toMatchObject({ timeMs: 100, p50Ms: null, cacheHitRate: null });
    expect(doc.series[2].throughputPerSec).toBe(0.333333);
    expect(doc.serverSeries).toEqual([
      { name: 'A, "big"', active: [null, 1, 0], queued: [null, 0, 0] },
      { name: 'B', active: [null, 2, 3], queued: [null, 1, 0] },
    ]);
    expect(doc.latencyHistogram).toEqual([
      { lowerMs: 200, upperMs: 250, count: 1 },
      { lowerMs: 250, upperMs: 300, count: 2 },
    ]);
  });
});

/** The whole run as the page's history keeps it: two older samples, a server since removed. */
function tinyHistory(rowMs = 100): MetricsHistory {
  return {
    series: {
      length: 4,
      time: f64(0, 100, 200, 300).map((t) => t - 100 + rowMs),
      throughputPerSec: f64(5, 0, 10, 0.5),
      rejectionsPerSec: f64(0, 0, 0, 0),
      p50: f64(100, NaN, 250, 260),
      p99: f64(120, NaN, 400, 410),
      rowMs,
    },
    servers: {
      length: 4,
      time: f64(0, 100, 200, 300).map((t) => t - 100 + rowMs),
      active: Float32Array.from([1, 1, 1, 2, 9, 9, 0, 0, 0, 0, 2, 3]),
      slots: [0, 5, 1],
      names: ['A, "big"', 'Gone', 'B'],
    },
  };
}

describe('with the run history', () => {
  it('covers the whole run, filling the columns the history lacks where the window has them', () => {
    const lines = metricsCsv(tinySnapshot(), tinyHistory()).split('\r\n');
    expect(lines[0]).toBe(
      'time (ms),arrivals (/s),throughput (/s),rejections (/s),p50 latency (ms),p90 latency (ms),' +
        'p99 latency (ms),cache hit rate (0-1),in flight (requests),"A, ""big"" active (requests)",' +
        '"A, ""big"" queued (requests)",Gone active (requests),Gone queued (requests),' +
        'B active (requests),B queued (requests)',
    );
    expect(lines.slice(1)).toEqual([
      '0,,5,0,100,,120,,,1,,9,,0,',
      '100,10,0,0,,,,,1,1,,9,,0,',
      '200,0,10,0,250,300,400,0.5,2,1,0,0,,2,1',
      '300,12345.5,0.5,0,260,310,410,1,0,2,0,0,,3,0',
      '',
    ]);
    const doc = JSON.parse(metricsJson(tinySnapshot(), tinyHistory()));
    expect(doc.coverage).toMatchObject({ source: 'run history', rows: 4, fromMs: 0, toMs: 300 });
    expect(doc.serverSeries[1]).toEqual({
      name: 'Gone',
      active: [9, 9, 0, 0],
      queued: [null, null, null, null],
    });
  });

  it('says when merged rows hold the highest percentile rather than the percentile', () => {
    const header = metricsCsv(tinySnapshot(), tinyHistory(200)).split('\r\n')[0]!;
    expect(header).toContain('p50 latency (ms, highest in row)');
    expect(header).toContain('p99 latency (ms, highest in row)');
    expect(header).toContain('p90 latency (ms),');
  });

  it('falls back to the recent window when the history is empty', () => {
    const empty = { ...tinyHistory(), series: { ...tinyHistory().series, length: 0, time: f64() } };
    expect(metricsCsv(tinySnapshot(), empty)).toBe(metricsCsv(tinySnapshot()));
  });
});

describe('serverTotalsCsv and csvCell', () => {
  it('writes each server’s totals, defusing text a spreadsheet would run', () => {
    expect(serverTotalsCsv(tinySnapshot().summary).split('\r\n')).toEqual([
      'server,served (requests),rejected (requests),utilization (0-1),peak active (requests)',
      "'=cmd,2,1,0.25,2",
      '',
    ]);
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' pad')).toBe('" pad"');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-2.5)).toBe('-2.5');
  });
});

describe('metricsFileName', () => {
  it('names the file after the scenario and the simulated time', () => {
    expect(metricsFileName('Classic demo', 12_402, 'metrics', 'csv')).toBe(
      'classic-demo-metrics-12.402s.csv',
    );
    expect(metricsFileName('Classic demo', 0, 'metrics', 'json')).toBe(
      'classic-demo-metrics-0s.json',
    );
    expect(metricsFileName('!!!', 1500, 'servers', 'csv')).toBe('scenario-servers-1.5s.csv');
  });
});
