import { nodeSandboxHost } from '../src/sandbox/node/nodeSandboxHost.ts';
import { IO } from '../src/sandbox/ioLayout.ts';
const entries = Array.from({length: 100}, (_, i) => ({slot:i,name:'S'+i,active:0,queued:0,healthy:true,capacity:10,weight:1,speed:1,latencyEwmaMs:0}));
async function measure(label: string, code: string, journal: boolean) {
  const host = await nodeSandboxHost();
  const sb = host.load(code);
  sb.sync(entries);
  const N = 100000;
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const f = sb.shared.floats;
    let n = IO.journal;
    if (journal) {
      const a = (i * 7) % 100, b = (i * 13) % 100;
      f[n++] = 1; f[n++] = a; f[n++] = (i >> 3) & 7; f[n++] = 0; f[n++] = 1;
      f[n++] = 1; f[n++] = b; f[n++] = (i >> 4) & 7; f[n++] = 0; f[n++] = 1;
      f[n++] = 2; f[n++] = b; f[n++] = 300; f[n++] = 310;
    }
    f[IO.journalLength] = n - IO.journal; f[IO.pick] = 1; f[IO.requestId] = i; f[IO.requestKey] = i & 1023; f[IO.requestAttempt] = 0;
    sb.call();
  }
  const cu = process.cpuUsage(c0); best = Math.min(best, (cu.user + cu.system) / N);
  }
  console.log(label.padEnd(34), 'cpu us/pick', best.toFixed(2), ' picks/s', Math.round(1e6 / best));
}
await measure('first, no journal', 'function selectServer(s){ return s[0] }', false);
await measure('first, journal', 'function selectServer(s){ return s[0] }', true);
await measure('first, journal, onComplete', 'function selectServer(s){ return s[0] } function onComplete(s, l, st) { st.n = (st.n|0) + 1 }', true);
await measure('rr, journal', 'function selectServer(s, r, st){ st.i = (st.i ?? 0) + 1; return s[st.i % s.length] }', true);
await measure('random, journal', 'function selectServer(s){ return s[Math.floor(Math.random() * s.length)] }', true);
await measure('lc scan for-of', `function selectServer(servers) {
  let best = servers[0];
  for (const server of servers) if (server.active + server.queued < best.active + best.queued) best = server;
  return best;
}`, true);
await measure('lc scan indexed', `function selectServer(servers) {
  let best = servers[0], bl = best.active + best.queued;
  for (let i = 1; i < servers.length; i++) { const s = servers[i]; const l = s.active + s.queued; if (l < bl) { best = s; bl = l; } }
  return best;
}`, true);
await measure('lc scan indexed, no journal', `function selectServer(servers) {
  let best = servers[0], bl = best.active + best.queued;
  for (let i = 1; i < servers.length; i++) { const s = servers[i]; const l = s.active + s.queued; if (l < bl) { best = s; bl = l; } }
  return best;
}`, false);
await measure('empty loop 100', `function selectServer(servers) { for (let i = 1; i < 100; i++) {} return servers[0] }`, false);
