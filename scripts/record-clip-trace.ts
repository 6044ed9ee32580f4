// Records a landmark trace from the real models on a fake-camera clip, through the app itself:
// opens a session, lets it track for a while and saves the trace with the app's own control.
//   npx tsx scripts/record-clip-trace.ts <clip.mjpeg in ../shared/fixtures> <out.trace.json> [seconds]
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { openApp } from '../tests/browser/app-session.ts';

const [clip, out, seconds = '16'] = process.argv.slice(2);
if (!clip || !out) {
  console.error('usage: record-clip-trace <clip.mjpeg> <out.trace.json> [seconds]');
  process.exit(2);
}
await build({ logLevel: 'warn' });
const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const session = await openApp(server.resolvedUrls?.local[0] ?? '', '/?routine=facegym-daily', clip);
try {
  await session.page.waitForTimeout(Number(seconds) * 1000);
  const download = session.page.waitForEvent('download');
  await session.page.click('session-controls [data-command=save-trace]');
  const saved = await (await download).path();
  copyFileSync(saved, resolve(out));
  console.log(`saved ${out}`);
} finally {
  await session.close();
  await server.close();
}
