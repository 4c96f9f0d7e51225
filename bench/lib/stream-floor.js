'use strict';
// The floor for the memory figures: a plain `http.get(...)` piped into a file by the
// same Node binary n8n runs on, no n8n at all. Node 24 itself keeps about 70 MB of
// read buffers alive before its garbage collector returns them, whatever the size.
const { execFile } = require('node:child_process');

const SCRIPT = `
const http = require('node:http');
const fs = require('node:fs');
const { pipeline } = require('node:stream/promises');
const [url, key, file] = process.argv.slice(1);
const hwm = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const before = hwm();
http.get(url, { headers: { Authorization: 'Bearer ' + key } }, (res) => {
	pipeline(res, fs.createWriteStream(file)).then(() => {
		fs.rmSync(file);
		process.stdout.write(JSON.stringify({ before, after: hwm() }));
	}, (error) => { console.error(error); process.exit(1); });
}).on('error', (error) => { console.error(error); process.exit(1); });
`;

/** Peak RSS growth (bytes) of a fresh Node process streaming one attachment to a file. */
function streamGrowth(nodeBinary, url, key, file) {
	return new Promise((resolve, reject) => {
		execFile(
			nodeBinary,
			['-e', SCRIPT, url, key, file],
			{ maxBuffer: 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error)
					return reject(new Error(`plain stream download failed: ${stderr || error.message}`));
				const { before, after } = JSON.parse(stdout);
				resolve({ beforeBytes: before, peakBytes: after });
			},
		);
	});
}

async function runStreamFloor({ env, sim, plan }) {
	const samples = [];
	for (const d of plan) {
		const url = `${sim.url}/api/messages/${encodeURIComponent(d.messageId)}/attachments/${encodeURIComponent(d.fileName)}`;
		const file = `${env.userFolder}/stream-floor.bin`;
		samples.push({
			label: d.label,
			size: d.size,
			...(await streamGrowth(env.runtime.node, url, sim.key, file)),
		});
	}
	return { samples };
}

module.exports = { runStreamFloor };
