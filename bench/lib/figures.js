'use strict';
// Turns the raw measurements into the figures of the table, the JSON and the chart:
// each with ours, the HTTP Request node's (where it applies), the ratio, the target
// and whether it is met (null: a figure shown for information, without a target).
const { MiB } = require('./memory');
const { median } = require('./stats');

const round = (value, digits = 0) =>
	Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

/**
 * One row. The ratio is ours ÷ HTTP Request's unless `versus` gives the amount to divide
 * by (a figure compared with something else, e.g. plain Node or one-after-another).
 */
function figure(id, label, unit, ours, http, target, pass, versus) {
	const base = versus ?? http;
	// A ratio only between two positive amounts (a difference near zero has no meaningful one).
	const ratio =
		typeof base === 'number' && base > 0 && typeof ours === 'number' && ours >= 0
			? round(ours / base, 2)
			: null;
	return { id, label, unit, ours, http: http ?? null, ratio, target, pass };
}

/** Extra peak RSS allowed over plain Node's for the largest download (issue #19). */
const GROWTH_OVER_PLAIN_NODE_MB = 40;
/** Node time allowed for the largest download, as a multiple of plain Node's (issue #19). */
const TIME_OVER_PLAIN_NODE = 1.25;
/** A burst side by side takes at most this share of one after another (issue #19). */
const BURST_RATIO = 0.5;

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

function memoryFigures(memory, streamFloor, streamFloorWithHeap, nodeVersion) {
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
	// Plain Node, no n8n: median per size over its rounds (older saved runs have one, no time).
	const floorOf = (label, floor = streamFloor) => {
		const list = floor.samples.filter((s) => s.label === label);
		return {
			growthBytes: median(list.map((s) => s.peakBytes - s.beforeBytes)),
			ms: list.every((s) => typeof s.ms === 'number') ? median(list.map((s) => s.ms)) : null,
		};
	};
	const floorGrowthOf = (floor) =>
		round((floorOf(largest[0], floor).growthBytes - floorOf(smallest[0], floor).growthBytes) / MiB);
	const floorGrowth = floorGrowthOf(streamFloor);
	const growthLimit = Math.min(growth('http'), floorGrowth + GROWTH_OVER_PLAIN_NODE_MB);
	out.push(
		figure(
			`download.growthMb`,
			`Download ${largest[0]} vs ${smallest[0]}: extra peak RSS`,
			'MB',
			growth('ours'),
			growth('http'),
			`≤ HTTP, ≤ plain Node + ${GROWTH_OVER_PLAIN_NODE_MB} MB`,
			growth('ours') <= growthLimit,
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
	const plainMs = floorOf(largest[0]).ms;
	out.push(
		figure(
			'download.plainNodeMs',
			`Reference, no n8n: plain Node ${nodeVersion} http → file, ${largest[0]}: time`,
			'ms',
			round(plainMs),
			null,
			'—',
			null,
		),
	);
	// Plain Node holding as much live heap as n8n (older saved runs have none).
	const heldHeap = streamFloorWithHeap
		? {
				name: `plain Node ${nodeVersion} holding ${round(median(streamFloorWithHeap.samples.map((s) => s.heapMb)))} MB of live heap (n8n: ${streamFloorWithHeap.heapMb} MB)`,
				growth: floorGrowthOf(streamFloorWithHeap),
				ms: floorOf(largest[0], streamFloorWithHeap).ms,
			}
		: null;
	if (heldHeap)
		out.push(
			figure(
				'download.plainNodeWithHeapGrowthMb',
				`Reference, no n8n: ${heldHeap.name} http → file, ${largest[0]} vs ${smallest[0]}`,
				'MB',
				heldHeap.growth,
				null,
				'—',
				null,
			),
			figure(
				'download.plainNodeWithHeapMs',
				`Reference, no n8n: ${heldHeap.name} http → file, ${largest[0]}: time`,
				'ms',
				round(heldHeap.ms),
				null,
				'—',
				null,
			),
		);
	const oursMs = largest[1].ours.nodeMs;
	const httpMs = largest[1].http.nodeMs;
	out.push(
		figure(
			`download.${largest[0]}.nodeMs`,
			`Download ${largest[0]}: node time`,
			'ms',
			round(oursMs),
			round(httpMs),
			'≤ 1.0× HTTP',
			oursMs <= httpMs,
		),
	);
	out.push(
		figure(
			`download.${largest[0]}.nodeMsVsPlainNode`,
			`Download ${largest[0]}: node time vs plain Node's`,
			'ms',
			round(oursMs),
			null,
			`≤ ${TIME_OVER_PLAIN_NODE}× plain Node`,
			plainMs === null ? null : oursMs <= TIME_OVER_PLAIN_NODE * plainMs,
			plainMs,
		),
	);
	if (heldHeap)
		out.push(
			figure(
				`download.${largest[0]}.nodeMsVsPlainNodeWithHeap`,
				`Download ${largest[0]}: node time vs plain Node holding n8n's live heap`,
				'ms',
				round(oursMs),
				null,
				'—',
				null,
				heldHeap.ms,
			),
			figure(
				'download.growthMbVsPlainNodeWithHeap',
				`Download ${largest[0]} vs ${smallest[0]}: extra peak RSS vs plain Node holding n8n's live heap`,
				'MB',
				growth('ours'),
				null,
				'—',
				null,
				heldHeap.growth,
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

/** The burst (bench/lib/burst.js): side by side against one after another, most in flight. */
function burstFigures(burst, maxInFlightTarget) {
	if (!burst) return [];
	const size =
		burst.sizeBytes >= MiB ? `${burst.sizeBytes / MiB} MB` : `${burst.sizeBytes / 1024} KB`;
	const what = `${burst.messages} messages × ${burst.attachments} × ${size}`;
	const names = { getAll: 'Message → Get Many', trigger: 'Trigger poll' };
	const out = [];
	for (const [name, label] of Object.entries(names)) {
		const { sequentialMs, parallelMs } = burst.summary[name];
		out.push(
			figure(
				`burst.${name}.sequentialMs`,
				`Burst, ${label} (${what}): one after another (Concurrency 1)`,
				'ms',
				round(sequentialMs),
				null,
				'—',
				null,
			),
			figure(
				`burst.${name}.parallelMs`,
				`Burst, ${label} (${what}): side by side (default Concurrency)`,
				'ms',
				round(parallelMs),
				null,
				`≤ ${BURST_RATIO}× one after another`,
				parallelMs <= BURST_RATIO * sequentialMs,
				sequentialMs,
			),
		);
	}
	const most = Math.max(burst.summary.getAll.maxInFlight, burst.summary.trigger.maxInFlight);
	out.push(
		figure(
			'burst.maxInFlight',
			'Burst: most requests in flight',
			'requests',
			most,
			null,
			`≤ ${maxInFlightTarget}`,
			most <= maxInFlightTarget,
		),
	);
	return out;
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
		...memoryFigures(raw.memory, raw.streamFloor, raw.streamFloorWithHeap, nodeVersion),
		...burstFigures(raw.burst, settings.maxInFlightTarget),
		...triggerFigures(raw.trigger, raw.waitFor),
	];
}

module.exports = { allFigures, formatTable };
