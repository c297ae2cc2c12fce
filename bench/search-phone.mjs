#!/usr/bin/env node
// How long a reader on a phone waits for the first search result.
//
// usage: node bench/search-phone.mjs OUTPUT_DIR [--lang PREFIX] [--rounds R] [--pace MS] WORD [WORD ...]
//
// Serves a built site (OUTPUT_DIR, e.g. the 10,000-article bench corpus built with
// `./sourced build --source CORPUS --output OUTPUT_DIR`) on 127.0.0.1 and opens its search page
// in Debian's chromium (through puppeteer-core from tools/lighthouse, installed there with
// `npm ci --ignore-scripts` on first use) on Lighthouse's mobile profile: a 412 x 823 screen,
// the CPU slowed 4 times, the network throttled to DevTools' "Slow 4G" (562.5 ms round trip,
// 1.6 Mbit/s down), the browser's cache empty for each round. Two waits per word:
//   typed:  the search page is open and its index loaded; the reader types the word, a key every
//           MS milliseconds (--pace, default 300: about 40 words a minute, a phone typist's
//           speed), and presses Enter; from Enter until the first result is on the page;
//   link:   a shared link /search/?q=WORD is opened; from the start of navigation until the first
//           result is on the page (the page, its CSS and script, the index and the parts).
// Prints the median of R rounds (default 3) per word, and the bytes fetched for the word.
// A benchmark: it asserts nothing.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tools = join(root, 'tools', 'lighthouse');
if (!existsSync(join(tools, 'node_modules', 'puppeteer-core'))) {
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: tools, stdio: 'inherit' });
}
const puppeteer = createRequire(join(tools, 'package.json'))('puppeteer-core');

const args = process.argv.slice(2);
let lang = '';
let rounds = 3;
let pace = 300;
const words = [];
let out = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--lang') lang = args[++i].replace(/^\/|\/$/g, '') + '/';
  else if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--pace') pace = Number(args[++i]);
  else if (out === null) out = args[i];
  else words.push(args[i]);
}
if (!out || !words.length) {
  console.error('usage: node bench/search-phone.mjs OUTPUT_DIR [--lang PREFIX] [--rounds R] [--pace MS] WORD [WORD ...]');
  process.exit(2);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.xml': 'application/xml' };
const server = createServer((req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (path.endsWith('/')) path += 'index.html';
  const file = join(out, path);
  if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/${lang}search/`;

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
});

async function phonePage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await page.emulateCPUThrottling(4);
  await page.emulateNetworkConditions(puppeteer.PredefinedNetworkConditions['Slow 4G']);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  return { context, page, fetched: () => bytes, reset: () => { bytes = 0; } };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('%s', `${'word'.padEnd(16)} ${'typed ms'.padStart(9)} ${'link ms'.padStart(9)} ${'typed KB'.padStart(9)}  results`);
for (const word of words) {
  const typed = [], link = [];
  let kb = 0, shown = '';
  for (let r = 0; r < rounds; r++) {
    let p = await phonePage();
    await p.page.goto(base, { waitUntil: 'networkidle0' });
    p.reset();
    await p.page.type('#search-q', word, { delay: pace });
    const t0 = Date.now();
    await p.page.keyboard.press('Enter');
    await p.page.waitForSelector('.search-result', { timeout: 60000 });
    typed.push(Date.now() - t0);
    kb = p.fetched() / 1024;
    shown = await p.page.$eval('#search-status', (e) => e.textContent.trim()).catch(() => '');
    await p.context.close();

    p = await phonePage();
    await p.page.goto(base + '?q=' + encodeURIComponent(word), { waitUntil: 'domcontentloaded' });
    await p.page.waitForSelector('.search-result', { timeout: 60000 });
    link.push(await p.page.evaluate(() => performance.now()));
    await p.context.close();
  }
  console.log('%s', `${word.padEnd(16)} ${String(median(typed)).padStart(9)} ${String(Math.round(median(link))).padStart(9)} ${kb.toFixed(1).padStart(9)}  ${shown}`);
}
await browser.close();
server.close();
