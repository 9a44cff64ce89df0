import { EXACT_KEY_LIMIT } from '../../engine/hashing/keyMovement.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';

/**
 * The note under the hashing table: what bounds the figures (a removed server's keys must all
 * move, and a new server's keys must all come from elsewhere, which is the "least possible" under
 * each figure), what an exactly even spread would give, and which keys the shares are of.
 */
export function hashingNote(servers: number, keyCount: number): string {
  const even =
    servers > 1
      ? `1/${servers} = ${formatPercent(1 / servers)} on removal and 1/${servers + 1} = ${formatPercent(1 / (servers + 1))} on adding`
      : `1/${servers + 1} = ${formatPercent(1 / (servers + 1))} on adding`;
  const of =
    keyCount <= EXACT_KEY_LIMIT
      ? `of the scenario’s ${formatCount(keyCount)} keys`
      : `estimated from ${formatCount(EXACT_KEY_LIMIT)} of the scenario’s ${formatCount(keyCount)} keys (the most popular and an even sample of the rest)`;
  return (
    'The keys a removed server held must all move, and a new server’s keys must all come from ' +
    'elsewhere: that share, under each figure as “least possible”, is the fewest any method can ' +
    `move. Spread exactly evenly it would be ${even}; hashing spreads keys only roughly evenly, ` +
    `so a server may hold a little more or less. Shares are ${of}; traffic weights each key by ` +
    'how often it is asked for.'
  );
}
