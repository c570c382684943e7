import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
await page.goto('http://127.0.0.1:18888/lab/workspaces/dom' + Date.now() + '?token=tok');
await page.waitForFunction(() => window.jupyterapp);
await page.evaluate(() => window.jupyterapp.restored);
await page.evaluate(async () => {
  const app = window.jupyterapp;
  const w = await app.commands.execute('docmanager:open', { path: 'custom-keys.ipynb', factory: 'Notebook', kernelPreference: { shouldStart: false, canStart: false } });
  await w.context.ready; app.shell.activateById(w.id);
  await app.commands.execute('notebook-metadata:open');
  const style = document.createElement('style'); style.textContent = '#jp-notebook-metadata { width: 250px !important; min-width: 0 !important; }'; document.head.appendChild(style);
});
await page.waitForTimeout(800);
console.log(await page.evaluate(() => {
  const editor = document.querySelector('.jp-NotebookMetadata-editor');
  const eb = editor.getBoundingClientRect();
  const out = [`editor ${eb.left}-${eb.right}`];
  let el = document.querySelector('#jp-notebook-metadata input[value="Ada Lovelace"]') || [...document.querySelectorAll('#jp-notebook-metadata input')].find(i => i.value === 'Ada Lovelace');
  while (el && el !== editor) { const b = el.getBoundingClientRect(); const cs = getComputedStyle(el); out.push(`${el.tagName}.${el.className} ${b.left.toFixed(0)}-${b.right.toFixed(0)} w=${cs.width} pad=${cs.paddingLeft}/${cs.paddingRight} mar=${cs.marginLeft}/${cs.marginRight} border=${cs.borderLeftWidth} box=${cs.boxSizing}`); el = el.parentElement; }
  return out.join('\n');
}));
await browser.close();
