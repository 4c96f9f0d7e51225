'use strict';
// Turns the raw measurements into the figures of the table, the JSON and the chart:
// each with ours, the HTTP Request node's (where it applies), the ratio, the target
// and whether it is met (null: a figure shown for information, without a target).
const { MiB } = require('./memory');
const { median } = require('./stats');

const round = (value, digits = 0) =>
	Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

function figure(id, label, unit, ours, http, target, pass) {
	// A ratio only between two positive amounts (a difference near zero has no meaningful one).
	const ratio =
		typeof http === 'number' && http > 0 && typeof ours === 'number' && ours >= 0
			? round(ours / http, 2)
			: null;
	return { id, label, unit, ours, http: http ?? null, ratio, target, pass };
}

function throughputFigures(throughput, maxInFlightTarget) {
	const out = [];
	const names = { get: 'Message → Get', delete: 'Message → Delete' };
	for (const operation of ['get', 'delete']) {
		const { ours, http } = throughput.summary[operation];
		const name = `${names[operation]} × ${throughput.items}`;
		out.push(
			figure(
				`${operation}.nodeMs`,
				`${name}: node time`,
				'ms',
				round(ours.nodeMs),
				round(http.nodeMs),
				'≤ 1.0× HTTP',
				ours.nodeMs <= http.nodeMs,
			),
		);
		out.push(
			figure(
				`${operation}.workflowMinusBaselineMs`,
				`${name}: workflow time − baseline`,
				'ms',
				round(ours.workflowMinusBaselineMs),
				round(http.workflowMinusBaselineMs),
				'—',
				null,
			),
		);
		out.push(
			figure(
				`${operation}.maxInFlight`,
				`${name}: most requests in flight`,
				'requests',
				ours.maxInFlight,
				http.maxInFlight,
				`≤ ${maxInFlightTarget}`,
				ours.maxInFlight <= maxInFlightTarget,
			),
		);
	}
	return out;
}

function memoryFigures(memory, growthTargetMb, streamFloor, nodeVersion) {
	// Peak RSS per size and node: the median over the rounds (a garbage collection a
	// little earlier or later moves one sample by several MB).
	const peaks = new Map();
	for (const s of memory.samples) {
		const entry = peaks.get(s.label) ?? { size: s.size, ours: [], http: [] };
		entry[s.variant].push(s);
		peaks.set(s.label, entry);
	}
	const medianOf = (list) => ({
		peakRssBytes: median(list.map((s) => s.peakRssBytes)),
		nodeMs: median(list.map((s) => s.nodeMs)),
	});
	const bySize = new Map();
	for (const [label, entry] of peaks)
		bySize.set(label, { size: entry.size, ours: medianOf(entry.ours), http: medianOf(entry.http) });
	const sizes = [...bySize.entries()].sort((a, b) => a[1].size - b[1].size);
	const out = [];
	const largest = sizes[sizes.length - 1];
	const smallest = sizes[0];
	for (const [label, entry] of sizes) {
		const isLargest = entry === largest[1];
		const ours = round(entry.ours.peakRssBytes / MiB);
		const http = round(entry.http.peakRssBytes / MiB);
		out.push(
			figure(
				`download.${label}.peakRssMb`,
				`Download ${label}: peak RSS of n8n`,
				'MB',
				ours,
				http,
				isLargest ? '≤ 1.0× HTTP' : '—',
				isLargest ? ours <= http : null,
			),
		);
	}
	const growth = (variant) =>
		round((largest[1][variant].peakRssBytes - smallest[1][variant].peakRssBytes) / MiB);
	out.push(
		figure(
			`download.growthMb`,
			`Download ${largest[0]} vs ${smallest[0]}: extra peak RSS`,
			'MB',
			growth('ours'),
			growth('http'),
			`≤ ${growthTargetMb} MB`,
			growth('ours') <= growthTargetMb,
		),
	);
	const middle = sizes.length > 2 ? sizes[sizes.length - 2] : null;
	if (middle) {
		const flat = (variant) =>
			round((largest[1][variant].peakRssBytes - middle[1][variant].peakRssBytes) / MiB);
		out.push(
			figure(
				'download.flatMb',
				`Download ${largest[0]} vs ${middle[0]}: extra peak RSS`,
				'MB',
				flat('ours'),
				flat('http'),
				'—',
				null,
			),
		);
	}
	const floor = (s) => s.peakBytes - s.beforeBytes;
	const floorGrowth = round(
		(floor(streamFloor.samples[streamFloor.samples.length - 1]) - floor(streamFloor.samples[0])) /
			MiB,
	);
	out.push(
		figure(
			'download.plainNodeGrowthMb',
			`Reference, no n8n: plain Node ${nodeVersion} http → file, ${largest[0]} vs ${smallest[0]}`,
			'MB',
			floorGrowth,
			null,
			'—',
			null,
		),
	);
	out.push(
		figure(
			`download.${largest[0]}.nodeMs`,
			`Download ${largest[0]}: node time`,
			'ms',
			round(largest[1].ours.nodeMs),
			round(largest[1].http.nodeMs),
			'—',
			null,
		),
	);
	return out;
}

function triggerFigures(trigger, waitFor) {
	const intervalMs = waitFor.intervalSeconds * 1000;
	const waitTargetMs = intervalMs + 500;
	return [
		figure(
			'trigger.requestsPerPoll',
			'Trigger: requests per poll per mailbox (no attachments)',
			'requests',
			trigger.requestsPerPollPerMailbox,
			null,
			'= 1',
			trigger.requestsPerPollPerMailbox === 1,
		),
		figure(
			'trigger.requestsPerPollOfThree',
			'Trigger on 3 mailboxes: requests per poll per mailbox',
			'requests',
			trigger.requestsPerPollPerMailboxOfThree,
			null,
			'= 1',
			trigger.requestsPerPollPerMailboxOfThree === 1,
		),
		figure(
			'trigger.pollCpuMs',
			`Trigger: CPU time of one poll, ${trigger.messages}-message mailbox`,
			'ms',
			round(trigger.pollCpuMs, 1),
			null,
			'—',
			null,
		),
		figure(
			'trigger.stateBytes',
			`Trigger: state size, ${trigger.messages}-message mailbox`,
			'bytes',
			trigger.stateBytes,
			null,
			'—',
			null,
		),
		figure(
			'waitFor.medianLatencyMs',
			`Wait For (interval ${waitFor.intervalSeconds} s): delivery → output, median`,
			'ms',
			round(waitFor.medianLatencyMs),
			null,
			'—',
			null,
		),
		figure(
			'waitFor.maxLatencyMs',
			`Wait For (interval ${waitFor.intervalSeconds} s): delivery → output, worst`,
			'ms',
			round(waitFor.maxLatencyMs),
			null,
			`≤ interval + 0.5 s`,
			waitFor.maxLatencyMs <= waitTargetMs,
		),
	];
}

/** The table printed at the end of a run. */
function formatTable(figures) {
	const header = ['Figure', 'Ours', 'HTTP Request', 'Ratio', 'Target', 'Pass'];
	const cell = (value, unit) =>
		value === null || value === undefined ? '—' : `${value.toLocaleString('en-US')} ${unit}`;
	const rows = figures.map((f) => [
		f.label,
		cell(f.ours, f.unit),
		cell(f.http, f.unit),
		f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
		f.target,
		f.pass === null ? 'info' : f.pass ? 'PASS' : 'FAIL',
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [
		line(header),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...rows.map(line),
	].join('\n');
}

/** Every figure of a run, from its raw measurements (also used to re-render a saved run). */
function allFigures(raw, settings, nodeVersion) {
	return [
		...throughputFigures(raw.throughput, settings.maxInFlightTarget),
		...memoryFigures(raw.memory, settings.growthTargetMb, raw.streamFloor, nodeVersion),
		...triggerFigures(raw.trigger, raw.waitFor),
	];
}

module.exports = { allFigures, formatTable };
