'use strict';
// The README chart: an HTML page of SVG bar charts (ours vs HTTP Request) rendered to
// PNG by Debian's Chromium through playwright-core, as the browser test does.
const fs = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OURS = '#1f7a5a';
const HTTP = '#9aa4b1';

const escape = (text) =>
	String(text).replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
	);

/** One panel: groups of two bars (ours, HTTP Request) with values on top. */
function barPanel(title, unit, groups) {
	const width = 380;
	const height = 260;
	const top = 40;
	const bottom = 50;
	const plotHeight = height - top - bottom;
	const max = Math.max(1, ...groups.flatMap((g) => [g.ours, g.http ?? 0]));
	const groupWidth = (width - 40) / groups.length;
	const bar = Math.min(48, groupWidth / 3);
	const parts = [
		`<text x="${width / 2}" y="22" text-anchor="middle" class="title">${escape(title)}</text>`,
	];
	groups.forEach((g, i) => {
		const x0 = 20 + i * groupWidth + groupWidth / 2 - bar - 2;
		for (const [j, [value, color]] of [
			[g.ours, OURS],
			[g.http, HTTP],
		].entries()) {
			if (value === null || value === undefined) continue;
			const h = (value / max) * plotHeight;
			const x = x0 + j * (bar + 4);
			const y = top + plotHeight - h;
			parts.push(`<rect x="${x}" y="${y}" width="${bar}" height="${h}" fill="${color}"/>`);
			parts.push(
				`<text x="${x + bar / 2}" y="${y - 4}" text-anchor="middle" class="value">${escape(value.toLocaleString('en-US'))}</text>`,
			);
		}
		parts.push(
			`<text x="${20 + i * groupWidth + groupWidth / 2}" y="${top + plotHeight + 18}" text-anchor="middle" class="label">${escape(g.label)}</text>`,
		);
	});
	parts.push(
		`<line x1="15" x2="${width - 15}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#555"/>`,
	);
	parts.push(
		`<text x="${width / 2}" y="${height - 8}" text-anchor="middle" class="unit">${escape(unit)}</text>`,
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

const find = (figures, id) => figures.find((f) => f.id === id);

/** The chart page for a results object (see run.js). */
function chartHtml(results) {
	const f = results.figures;
	const time = barPanel(
		`Node time, ${results.settings.items} items, ${results.settings.latencyMs} ms latency`,
		'milliseconds (median of rounds), lower is better',
		[
			{
				label: 'Message → Get',
				ours: find(f, 'get.nodeMs').ours,
				http: find(f, 'get.nodeMs').http,
			},
			{
				label: 'Message → Delete',
				ours: find(f, 'delete.nodeMs').ours,
				http: find(f, 'delete.nodeMs').http,
			},
		],
	);
	const inFlight = barPanel('Most requests in flight at once', 'requests, lower is politer', [
		{
			label: 'Message → Get',
			ours: find(f, 'get.maxInFlight').ours,
			http: find(f, 'get.maxInFlight').http,
		},
		{
			label: 'Message → Delete',
			ours: find(f, 'delete.maxInFlight').ours,
			http: find(f, 'delete.maxInFlight').http,
		},
	]);
	const memory = barPanel(
		'Peak RSS of n8n while downloading',
		'MB (VmHWM of the n8n process), filesystem binary mode',
		f
			.filter((x) => /^download\..*\.peakRssMb$/.test(x.id))
			.map((x) => ({ label: x.id.split('.')[1], ours: x.ours, http: x.http })),
	);
	const m = results.machine;
	return `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:"Liberation Sans",Arial,sans-serif;margin:0;padding:16px;background:#fff;color:#222;width:1180px}
h1{font-size:18px;margin:0 0 4px}p{margin:0 0 10px;font-size:12px;color:#555}
.title{font-size:13px;font-weight:bold}.value{font-size:11px}.label{font-size:12px}.unit{font-size:11px;fill:#555}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px}
</style></head><body>
<h1>n8n-nodes-tempmail vs n8n's HTTP Request node (n8n ${escape(results.versions.n8n)})</h1>
<p>${escape(results.date)} · ${escape(m.cpuModel)} × ${m.cpus}, ${m.memoryGb} GB RAM, ${escape(m.os)} · load average ${m.loadAverageAtStart[0]} at start · ${escape(results.mode)} run, ${results.settings.rounds} round(s)
<span class="legend"><span style="background:${OURS}"></span>Temp Mail node (defaults)<span style="background:${HTTP}"></span>HTTP Request node (defaults)</span></p>
<div>${time}${inFlight}${memory}</div></body></html>`;
}

/** Renders the page to PNG; throws with the fix when Chromium is missing. */
async function renderPng(html, file) {
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: run \`bash test/browser/install-chromium.sh\``);
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 1220, height: 400 },
			deviceScaleFactor: 1,
		});
		await page.setContent(html);
		await page.locator('body').screenshot({ path: file });
	} finally {
		await browser.close();
	}
}

module.exports = { chartHtml, renderPng };
