'use strict';
// n8n's own CLI on the runtime's Node, against a user folder: import:credentials,
// import:workflow, execute --id --rawOutput. Each command is a full n8n process
// (about 2-3 s, 400 MB), so it gets its own runner broker port and process group.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { n8nEnv } = require('./env');
const { PROFILE } = require('./versions');
const { freePort } = require('./ports');
const { killGroup, stopGroup } = require('./process-group');

/**
 * Runs `n8n <args>`; resolves with its output whatever the exit code.
 * @param {object} options
 * @param {ReturnType<import('./paths').requireRuntime>} options.runtime
 * @param {string} options.userFolder
 * @param {string[]} args
 * @param {number} [options.timeoutMs] default 120 s
 * @param {string} [options.logLevel] default "warn"
 */
async function runN8nCli({ runtime, userFolder, timeoutMs = 120_000, logLevel = 'warn' }, args) {
	const env = n8nEnv({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logLevel,
	});
	const started = Date.now();
	const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
		cwd: userFolder,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const killOnExit = () => killGroup(child.pid, 'SIGKILL');
	process.on('exit', killOnExit);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
	child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopGroup(child.pid, 5_000);
	}, timeoutMs);
	const { code, signal } = await new Promise((resolve) =>
		child.on('close', (c, s) => resolve({ code: c, signal: s })),
	);
	clearTimeout(timer);
	// The task runner may outlive a CLI command for a moment.
	await stopGroup(child.pid, 5_000);
	process.off('exit', killOnExit);
	const result = {
		args,
		code,
		signal,
		stdout,
		stderr,
		timedOut,
		seconds: (Date.now() - started) / 1000,
	};
	if (timedOut)
		throw Object.assign(
			new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs / 1000} s\n${stderr}${stdout}`),
			{ result },
		);
	return result;
}

/** Like runN8nCli but throws with the output when the command fails. */
async function runN8nCliOk(options, args) {
	const result = await runN8nCli(options, args);
	if (result.code !== 0) {
		throw Object.assign(
			new Error(
				`n8n ${args.join(' ')} failed (${result.signal || `exit ${result.code}`}):\n${result.stderr}${result.stdout}`,
			),
			{ result },
		);
	}
	return result;
}

/** Writes `value` as JSON to a temporary file, calls fn(file), removes it. */
async function withJsonFile(value, fn) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-n8n-import-'));
	const file = path.join(dir, 'import.json');
	fs.writeFileSync(file, JSON.stringify(value, null, '\t'), { mode: 0o600 });
	try {
		return await fn(file);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Imports credentials (plain `data`; n8n encrypts it on import). Existing ids are
 * overwritten. @param {Array<{id: string, name: string, type: string, data: object}>} credentials
 */
async function importCredentials(options, credentials) {
	return await withJsonFile(credentials, (file) =>
		runN8nCliOk(options, ['import:credentials', `--input=${file}`]),
	);
}

/**
 * Imports one workflow object or an array of them. Existing ids are overwritten. A workflow
 * without `active` is imported inactive and one without `versionId` gets a new one: n8n
 * 2.0.x's import fills in neither and then fails.
 */
async function importWorkflows(options, workflows) {
	const complete = (workflow) => ({
		active: false,
		versionId: crypto.randomUUID(),
		...workflow,
	});
	const value = Array.isArray(workflows) ? workflows.map(complete) : complete(workflows);
	return await withJsonFile(value, (file) =>
		runN8nCliOk(options, ['import:workflow', `--input=${file}`]),
	);
}

/**
 * `n8n execute --id=<id> --rawOutput`: the run data as JSON. Log lines precede the
 * JSON on stdout, so parsing starts at the first line that begins a JSON object.
 * A failed workflow exits 1; its output is still returned (with `code`).
 */
async function executeWorkflow(options, workflowId) {
	// Log level info: on failure n8n prints the run only through its logger.
	const result = await runN8nCli({ timeoutMs: 180_000, logLevel: 'info', ...options }, [
		'execute',
		`--id=${workflowId}`,
		'--rawOutput',
	]);
	let data = null;
	try {
		data = parseRawOutput(result.stdout);
	} catch (err) {
		if (result.code === 0)
			throw new Error(`${err.message}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	}
	// n8n 2.0.x prints "running" for a run that finished well (exit 0, no error).
	if (
		PROFILE.executePrintsRunning &&
		result.code === 0 &&
		data?.status === 'running' &&
		!data.data?.resultData?.error
	)
		data = { ...data, status: 'success' };
	return { ...result, data };
}

/**
 * The run object printed by `n8n execute`: the first balanced JSON object starting at
 * the beginning of a line that parses and looks like a run (`data.resultData`). Log
 * lines come before it (and, on failure, after it).
 */
function parseRawOutput(stdout) {
	let fallback;
	const lineStart = /^\{/gm;
	let match;
	while ((match = lineStart.exec(stdout))) {
		const end = balancedEnd(stdout, match.index);
		if (end === -1) continue;
		let value;
		try {
			value = JSON.parse(stdout.slice(match.index, end + 1));
		} catch {
			continue;
		}
		if (value && value.data && value.data.resultData) return value;
		fallback ??= value;
		lineStart.lastIndex = end + 1;
	}
	if (fallback !== undefined) return fallback;
	throw new Error('no JSON object in the output of n8n execute');
}

/** Index of the `}` closing the object that opens at `start`, or -1. */
function balancedEnd(text, start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

module.exports = {
	runN8nCli,
	runN8nCliOk,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	parseRawOutput,
};
