import { chromium } from '@playwright/test';
import fs from 'node:fs';
const keys = {}; for (let i = 0; i < 3000; i++) keys[`key-${String(i).padStart(4,'0')}`] = { id: i, tags: ['a','b'] };
const nb = (meta) => JSON.stringify({cells:[{cell_type:'code',execution_count:null,id:'c1',metadata:{},outputs:[],source:'1'}],metadata:meta,nbformat:4,nbformat_minor:5});
for (const w of ['a','b']) fs.writeFileSync(`/tmp/explore-root/k3000-${w}.ipynb`, nb({a_notebook: w, kernelspec:{display_name:'Python 3 (ipykernel)',language:'python',name:'python3'}, language_info:{name:'python'}, title: w, edited: 0, ...keys}));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('http://127.0.0.1:18888/lab/workspaces/prof' + Date.now() + '?token=tok');
await page.waitForFunction(() => window.jupyterapp);
await page.evaluate(() => window.jupyterapp.restored);
const mode = process.argv[2] ?? 'ours';
await page.evaluate((mode) => mode === 'ours' ? window.jupyterapp.shell.activateById('jp-notebook-metadata') : window.jupyterapp.shell.collapseRight(), mode);
const ids = [];
for (const w of ['a','b']) ids.push(await page.evaluate(async (p) => {
  const app = window.jupyterapp;
  const w = await app.commands.execute('docmanager:open', { path: p, factory: 'Notebook', kernelPreference: { shouldStart: false, canStart: false } });
  await w.context.ready; app.shell.activateById(w.id); return w.id;
}, `k3000-${w}.ipynb`));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 40; i++) {
  times.push(await page.evaluate((id) => new Promise(r => { const s = performance.now(); window.jupyterapp.shell.activateById(id); requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now() - s); c.port2.postMessage(null); }); }), ids[i % 2]));
}
const { profile } = await cdp.send('Profiler.stop');
times.sort((a,b)=>a-b); console.log(mode, 'min', times[0].toFixed(1), 'q1', times[10].toFixed(1), 'median', times[20].toFixed(1));
// self time by url
const dt = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) { const id = profile.samples[i]; self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)); }
const byUrl = new Map(); const byFn = new Map();
for (const [id, t] of self) { const n = byId.get(id); const url = (n.callFrame.url || '(native)').replace(/.*\/(lab\/extensions\/[^/]+|static\/lab_host)\/.*?([^/]*)$/, '$1 $2'); byUrl.set(url, (byUrl.get(url) ?? 0) + t); const fn = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}`; byFn.set(fn, (byFn.get(fn)??0)+t); }
console.log([...byUrl].sort((a,b)=>b[1]-a[1]).slice(0,8).map(([u,t]) => `${(t/1000/20).toFixed(2)}ms/switch ${u}`).join('\n'));
console.log([...byFn].filter(([f]) => f.includes('notebook-metadata')).sort((a,b)=>b[1]-a[1]).slice(0,15).map(([u,t]) => `${(t/1000/20).toFixed(2)}ms ${u}`).join('\n'));
await browser.close();
