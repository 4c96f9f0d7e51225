'use strict';
// The floor for the memory and download-time figures: a plain `http.get(...)` piped into a
// file by the same Node binary n8n runs on, no n8n at all. Node 24 itself keeps tens of MB
// of read buffers alive before its garbage collector returns them, whatever the size. Its
// time runs from the request to the file being closed, as a node's time does.
//
// The same script can first fill its heap with as much live data as n8n holds (`heapMb`):
// every 64 KB socket buffer is external memory, so streaming 1 GB makes V8 run dozens of
// full collections, and each one marks the whole live heap. That is the floor for any
// download inside n8n, whatever the node does with the bytes.
const { execFile } = require('node:child_process');

const SCRIPT = `
const http = require('node:http');
const fs = require('node:fs');
const { pipeline } = require('node:stream/promises');
const [url, key, file, heapMb] = process.argv.slice(1);
// Small objects, as most of n8n's heap is, kept alive until the end.
const ballast = [];
while (process.memoryUsage().heapUsed < Number(heapMb) * 1048576)
	for (let i = 0; i < 10000; i++) ballast.push({ id: i, name: 'item ' + i, tags: [i] });
const hwm = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const before = hwm();
const started = performance.now();
http.get(url, { headers: { Authorization: 'Bearer ' + key } }, (res) => {
	pipeline(res, fs.createWriteStream(file)).then(() => {
		const ms = performance.now() - started;
		fs.rmSync(file);
		process.stdout.write(JSON.stringify({ before, after: hwm(), ms, heapMb: ballast.length && Math.round(process.memoryUsage().heapUsed / 1048576) }));
	}, (error) => { console.error(error); process.exit(1); });
}).on('error', (error) => { console.error(error); process.exit(1); });
`;

/**
 * Peak RSS (bytes) before and after, and the time (ms), of a fresh Node process streaming
 * one attachment to a file, holding `heapMb` MB of live heap (0: none) while it does.
 */
function streamGrowth(nodeBinary, url, key, file, heapMb = 0) {
	return new Promise((resolve, reject) => {
		execFile(
			nodeBinary,
			['-e', SCRIPT, url, key, file, String(heapMb)],
			{ maxBuffer: 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error)
					return reject(new Error(`plain stream download failed: ${stderr || error.message}`));
				const { before, after, ms, heapMb: heldMb } = JSON.parse(stdout);
				resolve({ beforeBytes: before, peakBytes: after, ms, heapMb: heldMb });
			},
		);
	});
}

/** Every size, `rounds` times (the figures take the median per size), holding `heapMb` of live heap. */
async function runStreamFloor({ env, sim, plan, rounds = 1, heapMb = 0, log = () => {} }) {
	const samples = [];
	for (let round = 0; round < rounds; round++) {
		for (const d of plan) {
			const url = `${sim.url}/api/messages/${encodeURIComponent(d.messageId)}/attachments/${encodeURIComponent(d.fileName)}`;
			const file = `${env.userFolder}/stream-floor.bin`;
			const sample = await streamGrowth(env.runtime.node, url, sim.key, file, heapMb);
			samples.push({ label: d.label, size: d.size, round: round + 1, ...sample });
			const holding = heapMb ? ` holding ${sample.heapMb} MB of live heap` : '';
			log(
				`round ${round + 1} plain Node${holding} ${d.label}: ${sample.ms.toFixed(0)} ms, peak RSS +${((sample.peakBytes - sample.beforeBytes) / 1048576).toFixed(0)} MB`,
			);
		}
	}
	return { heapMb, samples };
}

module.exports = { runStreamFloor, streamGrowth };
