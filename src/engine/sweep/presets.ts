import cacheSize from './presets/cache-size.json';
import howManyServers from './presets/how-many-servers.json';
import theKnee from './presets/the-knee.json';

/** A built-in sweep: its file (`raw`, to be read with `loadSweep`) and how it is introduced. */
export interface SweepPreset {
  /** The file name under presets/, without `.json`; also the CLI's name for it. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences for learners: what the curves show. */
  readonly description: string;
  readonly raw: unknown;
}

/** The built-in sweeps, the knee first. */
export const SWEEP_PRESETS: readonly SweepPreset[] = [
  {
    id: 'the-knee',
    title: theKnee.name,
    description:
      'Latency against load for random, power of two choices and least connections on 20 single-slot servers: random hits the M/M/1 wall first, two choices (the supermarket model) much later, least connections later still.',
    raw: theKnee,
  },
  {
    id: 'how-many-servers',
    title: howManyServers.name,
    description:
      'A fixed 1,000 requests a second (about 91 busy slots) on pools of 10 to 20 servers of 8 slots: too few reject and queue, and somewhere above the minimum p99 falls to acceptable; how far above depends on the strategy.',
    raw: howManyServers,
  },
  {
    id: 'cache-size',
    title: cacheSize.name,
    description:
      'Hit rate of a shared LRU against its capacity, 16 to 4,096 entries, for 10,000 keys of Zipf popularity 0.9: the curve the Che approximation predicts, and the latency it buys.',
    raw: cacheSize,
  },
];
