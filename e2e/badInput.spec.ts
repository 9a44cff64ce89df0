import { deflateRawSync } from 'node:zlib';
import { expect, test, type Playground } from './fixtures.ts';

/** The classic setup as the page shows it: three servers of capacity 3, 2, 4, round robin. */
async function expectClassicUnchanged(playground: Playground) {
  await expect(playground.servers.rows).toHaveCount(3);
  const names = await playground
    .byId('server.row')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  expect(names).toEqual(['Server-A', 'Server-B', 'Server-C']);
  await expect(playground.servers.loads).toHaveText(['0/3', '0/2', '0/4']);
  await expect(playground.byId('strategy.round-robin')).toBeChecked();
  await expect(playground.byId('preset.select')).toHaveValue('classic');
  await expect(playground.byId('scenario.undo')).toBeDisabled();
}

/** Imports a file with these contents through the Import button's file input. */
async function importFile(playground: Playground, name: string, contents: string | Buffer) {
  await playground.byId('scenario.import').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof contents === 'string' ? Buffer.from(contents) : contents,
  });
}

/** A share-link hash carrying this text, made as the page makes them. */
const hashOf = (text: string) => `#s=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

const VALID = JSON.stringify({ name: 'Good', servers: [{ name: 'Solo', capacity: 2 }] }, null, 2);

const BAD_FILES: Array<[string, string | Buffer, RegExp]> = [
  [
    'malformed.json',
    '{"name": "x", servers: []}',
    /“malformed\.json” is not valid JSON: .*position/,
  ],
  [
    'truncated.json',
    VALID.slice(0, VALID.length - 12),
    /“truncated\.json” is cut off: the JSON ends/,
  ],
  ['empty.json', '', /“empty\.json” is empty\./],
  [
    'oversized.json',
    Buffer.alloc(1_048_577, 0x20),
    /“oversized\.json” is 1\.0 MB; scenario files may be at most 1\.0 MB\./,
  ],
];

for (const [name, contents, message] of BAD_FILES) {
  test(`a bad file (${name}) is refused with a message and leaves the setup as it was`, async ({
    playground,
  }) => {
    await playground.open();
    await importFile(playground, name, contents);
    await expect(playground.byId('notice')).toHaveAttribute('role', 'alert');
    await expect(playground.byId('notice')).toContainText(message);
    await expect(playground.byId('notice')).toContainText('the setup is unchanged');
    await expectClassicUnchanged(playground);
  });
}

test('a schema-violating file lists every problem with its path', async ({ playground }) => {
  await playground.open();
  const bad = {
    name: 'Broken',
    strategy: 'fastest',
    servers: [
      { name: 'A', capacity: 0 },
      { name: 'A', capacity: 2, weight: -1 },
    ],
    cache: { capacity: 5_000_000 },
    traffic: [{ at: 0, burst: 10, extra: true }],
  };
  await importFile(playground, 'broken.json', JSON.stringify(bad));
  const notice = playground.byId('notice');
  await expect(notice).toContainText('“broken.json” was not loaded.');
  for (const path of [
    'strategy: ',
    'servers[0].capacity: ',
    'servers[1].name: must be unique',
    'servers[1].weight: ',
    'cache.capacity: ',
    'traffic[0]',
  ]) {
    await expect(notice).toContainText(path);
  }
  await expectClassicUnchanged(playground);
});

test('bad share links are refused with a message and the default setup opens', async ({
  playground,
}) => {
  const cases: Array<[string, RegExp]> = [
    ['#s=@@not-base64@@', /The share link is damaged: after “#s=” it may only hold/],
    [hashOf(VALID).slice(0, 30), /The share link is damaged or incomplete/],
    // Cut to 4k+1 characters of code: the characters are fine, the length says it was cut.
    [hashOf(VALID).slice(0, 3 + 29), /The share link is cut off: its code is 29 characters long/],
    [hashOf('{"name": "x", "servers": ['), /The share link is cut off/],
    [hashOf('{"servers": [{"name": "A", "capacity": -3}]}'), /servers\[0\]\.capacity: must be/],
    [hashOf(`{"name":"${'a'.repeat(1_100_000)}"}`), /unpacks to more than 1\.0 MB/],
  ];
  for (const [hash, message] of cases) {
    await playground.page.goto('about:blank');
    await playground.open(hash);
    await expect(playground.byId('notice')).toContainText(message);
    await expect(playground.byId('notice')).toContainText('The classic demo was opened instead.');
    await expectClassicUnchanged(playground);
    // The refused link leaves the address, so a reload does not repeat the refusal.
    expect(new URL(playground.page.url()).hash).toBe('');
  }
});

test('out-of-range typed values are explained next to the field and not applied', async ({
  playground,
}) => {
  await playground.open();
  const row = playground.servers.row('Server-A');
  await row.getByTestId('server.edit').click();
  const capacity = row.getByTestId('server.capacity');
  for (const typed of ['0', '2000000', '1.5', 'lots']) {
    await capacity.fill(typed);
    await capacity.press('Enter');
    await expect(capacity).toHaveAttribute('aria-invalid', 'true');
    await expect(row).toContainText('capacity must be a whole number from 1 to 1,000,000');
  }
  await capacity.press('Escape');
  await row.getByTestId('server.edit').click();
  await expectClassicUnchanged(playground);
  // The same values in a file are refused by the worker, naming the field.
  await importFile(
    playground,
    'range.json',
    JSON.stringify({ servers: [{ name: 'A', capacity: 2_000_000, speed: 0 }], seed: -1 }),
  );
  await expect(playground.byId('notice')).toContainText('seed: must be');
  await expect(playground.byId('notice')).toContainText('servers[0].capacity: must be');
  await expect(playground.byId('notice')).toContainText('servers[0].speed: must be');
  await expectClassicUnchanged(playground);
});
