'use strict';
// Starts `n8n start` (or `n8n worker`, for queue mode) on the runtime's Node as a child in
// its own process group, waits until it is ready, and stops it (with its task runner) on
// request, on parent exit, or, through a watchdog, even when the parent is killed outright.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { n8nEnv } = require('./env');
const { groupMembers, killGroup, startWatchdog, stopGroup } = require('./process-group');

/**
 * @typedef {object} StartOptions
 * @property {ReturnType<import('./paths').requireRuntime>} runtime
 * @property {string} userFolder
 * @property {number} port
 * @property {number} brokerPort
 * @property {string} logFile everything n8n prints goes there
 * @property {(line: string) => void} [onLine] also called with each output line
 * @property {string} [logLevel]
 * @property {boolean} [inheritN8nEnv]
 * @property {Record<string, string>} [extraEnv]
 * @property {number} [readyTimeoutMs] default 180 s (first start runs the migrations)
 * @property {'start' | 'worker'} [command] default 'start'; a worker answers readiness on
 *   `port` through its queue health check server (QUEUE_HEALTH_CHECK_PORT)
 */

/**
 * @param {StartOptions} options
 */
async function startN8n(options) {
	const {
		runtime,
		userFolder,
		port,
		brokerPort,
		logFile,
		onLine,
		readyTimeoutMs = 180_000,
		command = 'start',
	} = options;
	const workerEnv =
		command === 'worker'
			? {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}
			: {};
	const env = n8nEnv({
		runtime,
		userFolder,
		port,
		brokerPort,
		logLevel: options.logLevel,
		inheritN8nEnv: options.inheritN8nEnv,
		extra: { ...workerEnv, ...options.extraEnv },
	});
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	fs.appendFileSync(
		logFile,
		`\n===== n8n ${command} on port ${port}, ${new Date().toISOString()} =====\n`,
	);
	const startOffset = fs.statSync(logFile).size;

	// n8n writes straight into the log file, not through a pipe to us: if this process
	// dies, n8n can still log its shutdown instead of failing on a broken pipe.
	const out = fs.openSync(logFile, 'a');
	const started = Date.now();
	let child;
	try {
		child = spawn(runtime.node, [runtime.n8nBin, command], {
			cwd: userFolder,
			env,
			detached: true, // own process group: n8n + its task runner
			stdio: ['ignore', out, out],
		});
	} finally {
		fs.closeSync(out);
	}
	const pgid = child.pid;
	if (!pgid) throw new Error(`could not start ${runtime.n8nBin}`);
	const dismissWatchdog = startWatchdog(process.pid, pgid);
	const killOnExit = () => killGroup(pgid, 'SIGKILL');
	process.on('exit', killOnExit);
	const tailer = onLine ? followFile(logFile, startOffset, onLine) : null;

	let exitInfo = null;
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exitInfo = { code, signal };
			resolve(exitInfo);
		});
	});

	let stopping = null;
	const handle = {
		pid: child.pid,
		port,
		url: `http://localhost:${port}`,
		/** What REST clients should use (no localhost → ::1 surprises). */
		apiUrl: `http://127.0.0.1:${port}`,
		logFile,
		env,
		exited,
		startupSeconds: 0,
		/** n8n's process group (main process and task runner) with RSS. */
		processes: () => groupMembers(pgid),
		rssBytes: () => groupMembers(pgid).reduce((sum, p) => sum + p.rss, 0),
		/** SIGTERM, then SIGKILL after graceMs; resolves when every process is gone. */
		stop(graceMs = 15_000) {
			if (!stopping) {
				stopping = (async () => {
					const how = await stopGroup(pgid, graceMs);
					dismissWatchdog();
					process.off('exit', killOnExit);
					if (tailer) tailer.stop();
					return how;
				})();
			}
			return stopping;
		},
		/** Sends `signal` to the whole group at once (SIGKILL: a crash, no shutdown). */
		signal(signal) {
			return killGroup(pgid, signal);
		},
		tail(lines = 40) {
			try {
				return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
			} catch {
				return '';
			}
		},
	};

	try {
		await waitReady(handle, () => exitInfo, readyTimeoutMs, command === 'start');
	} catch (err) {
		await handle.stop(5_000);
		throw new Error(`${err.message}\nLast lines of ${logFile}:\n${handle.tail()}`);
	}
	handle.startupSeconds = (Date.now() - started) / 1000;
	return handle;
}

/** Calls onLine for each line appended to `file` after `offset` (polling; stop() flushes). */
function followFile(file, offset, onLine) {
	let position = offset;
	let partial = '';
	const read = () => {
		let fd;
		try {
			fd = fs.openSync(file, 'r');
			const size = fs.fstatSync(fd).size;
			if (size <= position) return;
			const buffer = Buffer.alloc(size - position);
			fs.readSync(fd, buffer, 0, buffer.length, position);
			position = size;
			const lines = (partial + buffer.toString('utf8')).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		} catch {
			/* file rotated or removed: nothing to show */
		} finally {
			if (fd !== undefined) fs.closeSync(fd);
		}
	};
	const timer = setInterval(read, 200);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			read();
			if (partial) onLine(partial);
			partial = '';
		},
	};
}

/**
 * Ready means /healthz/readiness answers 200 and, for `n8n start`, so does a REST route:
 * n8n 1.x reports readiness before it has registered its REST routes.
 */
async function waitReady(handle, exitInfo, timeoutMs, hasRest) {
	const deadline = Date.now() + timeoutMs;
	const urls = [`${handle.apiUrl}/healthz/readiness`];
	if (hasRest) urls.push(`${handle.apiUrl}/rest/settings`);
	let next = 0;
	while (Date.now() < deadline) {
		const exit = exitInfo();
		if (exit)
			throw new Error(`n8n exited before it was ready (${exit.signal || `code ${exit.code}`})`);
		try {
			const res = await fetch(urls[next], { signal: AbortSignal.timeout(2_000) });
			await res.arrayBuffer();
			if (res.status === 200 && ++next === urls.length) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`n8n was not ready within ${Math.round(timeoutMs / 1000)} s (${urls[next]})`);
}

module.exports = { startN8n };
