// Preloaded into the bundled server by the memory soak only (`node --expose-gc --require THIS
// dist/server.js`), so the server's own code and flags stay as they ship: on a line from the soak on
// file descriptor 3 it forces full collections and answers the memory figures, or writes a heap
// snapshot. It reads nothing of the server and touches no LSP stream.
'use strict';
const net = require('node:net');
const v8 = require('node:v8');

const MB = 2 ** 20;
const channel = new net.Socket({ fd: 3, readable: true, writable: true });
channel.unref();
let pending = '';
channel.on('data', (chunk) => {
  pending += chunk.toString('utf8');
  for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
    const line = pending.slice(0, i);
    pending = pending.slice(i + 1);
    channel.write(`${JSON.stringify(answer(line))}\n`);
  }
});
channel.on('error', () => undefined);

function answer(line) {
  const [command, arg] = line.split(' ');
  const rssBefore = process.memoryUsage.rss() / MB;
  // Twice: the first collection's finalizers and weak callbacks can free more for the second.
  global.gc();
  global.gc();
  if (command === 'snapshot' && arg) return { file: v8.writeHeapSnapshot(arg) };
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  return {
    rssBefore,
    rss: m.rss / MB,
    heapUsed: m.heapUsed / MB,
    heapTotal: m.heapTotal / MB,
    external: m.external / MB,
    arrayBuffers: m.arrayBuffers / MB,
    malloced: h.malloced_memory / MB,
  };
}
