'use strict';
// The real n8n for the benchmark: the pinned runtime (scripts/runtime), this package
// installed as a community package into a temporary user folder, the bench credentials
// and workflows imported, and `n8n execute` runs whose peak memory is read from /proc.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtime = require('../../scripts/runtime');
const { stopGroup, killGroup } = require('../../scripts/runtime/process-group');

/** Filesystem binary mode, as the issue asks: binaries go to disk, not into the run data. */
const BINARY_ENV = { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' };

async function prepareN8n({ credentials, workflows }) {
	const rt = runtime.requireRuntime();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-bench-'));
	const cli = { runtime: rt, userFolder };
	runtime.linkPackage({ userFolder });
	await runtime.importCredentials(cli, credentials);
	await runtime.importWorkflows(cli, workflows);
	return {
		runtime: rt,
		userFolder,
		/** Removes binary data left by earlier runs (a 1 GB file each). */
		clearBinaryData() {
			fs.rmSync(path.join(userFolder, '.n8n', 'binaryData'), { recursive: true, force: true });
			fs.rmSync(path.join(userFolder, '.n8n', 'storage'), { recursive: true, force: true });
		},
		cleanup() {
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** VmHWM (peak resident set) and VmRSS of a process, in bytes; null once it is gone. */
function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field) =>
			Number((new RegExp(`${field}:\\s+(\\d+)`).exec(status) || [])[1] || 0) * 1024;
		return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
	} catch {
		return null;
	}
}

/** CPU time (user + system) a process has used so far, in ms; null once it is gone. */
function cpuMsOf(pid) {
	try {
		// Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return null;
	}
}

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
const CLOCK_TICKS = 100;

/**
 * `n8n execute --id=<id> --rawOutput` with the peak RSS of the n8n process itself: its
 * VmHWM, read every 20 ms (the kernel keeps the high-water mark, so a sample taken any
 * time before exit already includes every earlier peak).
 */
/**
 * executeOnce, tried again once when n8n died before printing a complete run
 * (`beforeRetry` restores what the failed attempt may have used up, e.g. deleted messages).
 */
async function executeMeasured(env, workflowId, { beforeRetry, ...options } = {}) {
	try {
		return await executeOnce(env, workflowId, options);
	} catch (error) {
		process.stderr.write(`[bench] ${String(error.message).split('\n')[0]}; trying once more\n`);
		if (beforeRetry) await beforeRetry();
		return await executeOnce(env, workflowId, options);
	}
}

async function executeOnce(
	env,
	workflowId,
	{ timeoutMs = 300_000, extraEnv = {}, nodeArgs = [] } = {},
) {
	const childEnv = runtime.n8nEnv({
		runtime: env.runtime,
		userFolder: env.userFolder,
		port: await runtime.freePort(),
		brokerPort: await runtime.freePort(),
		// info: on failure n8n prints the run only through its logger.
		logLevel: 'info',
		extra: { ...BINARY_ENV, ...extraEnv },
	});
	const started = Date.now();
	const child = spawn(
		env.runtime.node,
		[...nodeArgs, env.runtime.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{
			cwd: env.userFolder,
			env: childEnv,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const killOnExit = () => killGroup(child.pid, 'SIGKILL');
	process.on('exit', killOnExit);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
	child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
	let peak = 0;
	let cpuMs = 0;
	const sample = () => {
		const memory = memoryOf(child.pid);
		if (memory) peak = Math.max(peak, memory.hwm);
		const cpu = cpuMsOf(child.pid);
		if (cpu !== null) cpuMs = Math.max(cpuMs, cpu);
	};
	const sampler = setInterval(sample, 20);
	const timer = setTimeout(() => void stopGroup(child.pid, 5_000), timeoutMs);
	// Last sample when stdout closes: the run is printed, the process not yet reaped.
	child.stdout.once('end', sample);
	const { code, signal } = await new Promise((resolve) =>
		child.on('close', (c, s) => resolve({ code: c, signal: s })),
	);
	clearInterval(sampler);
	clearTimeout(timer);
	await stopGroup(child.pid, 5_000);
	process.off('exit', killOnExit);
	const seconds = (Date.now() - started) / 1000;
	let run = null;
	try {
		run = runtime.parseRawOutput(stdout);
	} catch {
		/* reported below */
	}
	// n8n 2.41 on Node 24 now and then dies with SIGSEGV while shutting down, after it has
	// printed the finished run: the measurement is complete, so the run counts (noted).
	const complete = run && run.status === 'success' && !run.data?.resultData?.error;
	if (!complete || (code !== 0 && signal !== 'SIGSEGV')) {
		throw new Error(
			`n8n execute --id=${workflowId} failed (${signal || `exit ${code}`}, ${seconds.toFixed(1)} s):\n${stderr.slice(-4000)}${stdout.slice(-4000)}`,
		);
	}
	if (code !== 0)
		process.stderr.write(
			`[bench] note: n8n execute --id=${workflowId} ended with ${signal || `exit ${code}`} after printing a successful run\n`,
		);
	return {
		run,
		peakRssBytes: peak,
		// CPU time of the whole n8n process up to its last sample (start-up included).
		cpuMs,
		seconds,
		// Everything n8n printed (e.g. --trace-gc lines when asked for).
		stdout,
		crashedOnExit: code !== 0 ? signal || `exit ${code}` : null,
	};
}

/** The first run of a node in run data: n8n's own executionTime (ms), items, status. */
function nodeRun(run, nodeName) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!task)
		throw new Error(
			`node "${nodeName}" did not run: ${JSON.stringify(run?.data?.resultData?.error ?? null)}`,
		);
	if (task.executionStatus !== 'success')
		throw new Error(
			`node "${nodeName}" ended "${task.executionStatus}": ${JSON.stringify(task.error ?? null)}`,
		);
	return { executionTimeMs: task.executionTime, items: task.data?.main?.[0] ?? [] };
}

/** Start to stop of the whole execution, in ms, from the run itself. */
function workflowMs(run) {
	return new Date(run.stoppedAt).getTime() - new Date(run.startedAt).getTime();
}

module.exports = { prepareN8n, executeMeasured, nodeRun, workflowMs };
