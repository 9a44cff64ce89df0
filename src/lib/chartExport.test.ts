import { describe, expect, it } from 'vitest';
import { chartFileName } from './chartExport.ts';

describe('chartFileName', () => {
  it('names the file after the chart, in plain lower-case words', () => {
    expect(chartFileName('Outcomes over time')).toBe('outcomes-over-time');
    expect(chartFileName('Throughput, rejections, latency')).toBe('throughput-rejections-latency');
    expect(chartFileName('Latency p50 & p99 (ms)')).toBe('latency-p50-p99-ms');
    expect(chartFileName('Café ☕')).toBe('cafe');
    expect(chartFileName('★')).toBe('chart');
  });
});
