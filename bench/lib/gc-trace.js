'use strict';
// Reads the lines `node --trace-gc` prints: what kind of collections ran and why, and how
// much heap a full collection leaves alive (the live heap every later collection must mark).
const { median } = require('./stats');

const LINE =
	/\bms: (Scavenge|Mark-Compact|Minor Mark-Sweep|Mark-Sweep) ([\d.]+) \([\d.]+\) -> ([\d.]+) /;

/** Count and total pause of each kind of collection, and why each ran. */
function gcSummary(stdout) {
	const kinds = {};
	for (const line of stdout.split('\n')) {
		const kindName = LINE.exec(line)?.[1];
		const pause = /, ([\d.]+) \/ [\d.]+ ms/.exec(line)?.[1];
		if (!kindName || !pause) continue;
		const kind = (kinds[kindName] ??= { count: 0, ms: 0, reasons: {} });
		kind.count++;
		kind.ms += Number(pause);
		const reason =
			line
				.slice(line.lastIndexOf(')') + 1)
				.replace(/;\s*$/, '')
				.trim() || '?';
		kind.reasons[reason] = (kind.reasons[reason] ?? 0) + 1;
	}
	for (const kind of Object.values(kinds)) kind.ms = Math.round(kind.ms);
	return kinds;
}

/**
 * The heap left alive by the full collections of a run, in MB (their median: in a long
 * download nearly all of them run while the bytes stream), or null without any.
 */
function liveHeapMb(stdout) {
	const after = [];
	for (const line of stdout.split('\n')) {
		const match = LINE.exec(line);
		if (match?.[1] === 'Mark-Compact') after.push(Number(match[3]));
	}
	return after.length === 0 ? null : median(after);
}

module.exports = { gcSummary, liveHeapMb };
