import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { realtimeDevServer } from '/work/main/dist/server/index.js';
delete process.env.OPENAI_API_KEY;
const server = await preview({ configFile:false, root:'/work/main', logLevel:'warn', build:{outDir:'/work/main/storybook-static'}, preview:{host:'127.0.0.1',port:45123,strictPort:true}, plugins:[realtimeDevServer()] });
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu']});
for (const [w,h] of [[1280,1000],[390,844]]) {
  const p = await b.newPage({viewport:{width:w,height:h}});
  await p.goto('http://127.0.0.1:45123/iframe.html?id=session-studio--studio&viewMode=story');
  await p.waitForTimeout(3500);
  const H = await p.evaluate(() => document.documentElement.scrollHeight);
  const W = await p.evaluate(() => document.documentElement.scrollWidth);
  console.log(w, 'scroll', W, H);
  for (let y=0, i=0; y < H && i < 4; y += h, i++) await p.screenshot({ path: `/tmp/shot-${w}-${i}.png`, fullPage: true, clip: { x:0, y, width: w, height: Math.min(h, H-y) } });
  await p.close();
}
await b.close(); await server.close();
