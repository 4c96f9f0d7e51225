#!/usr/bin/env node
'use strict';
// `npm start`: a local n8n with this package installed, ready to try.
//
//  1. builds the package (npm run build)
//  2. installs the pinned n8n + Node 24 runtime if missing (scripts/runtime/install.js)
//  3. starts the Temp Mail API simulator, unless TEMPMAIL_API_KEY is set (then the
//     real API at TEMPMAIL_BASE_URL, default https://v1.tempmailg.com, is used), and a
//     local S3-compatible store (s3rver) with an "S3" credential for the S3 example
//  4. prepares the n8n user folder .n8n-runtime-data/ (kept between runs), installs
//     the package into it the way n8n installs community packages, imports the
//     "Temp Mail API" credential and, once, the example workflows from examples/
//  5. starts n8n on http://localhost:5678 (N8N_PORT), creates the owner account, prints
//     what to open, and stops everything it started on Ctrl-C / SIGTERM.
//
// `npm run start:queue` (`--queue`): the same, in n8n's queue mode: redis-server
// (Debian's, installed with apt-get when missing), n8n main plus two `n8n worker`s sharing
// the user folder .n8n-runtime-data-queue/; main runs the triggers, workers the executions.
//
// Environment: N8N_PORT, TEMPMAIL_API_KEY, TEMPMAIL_BASE_URL, TEMPMAIL_SIMULATOR_PORT
// (default 8025, a free port if busy), TEMPMAIL_S3_PORT (the local S3 store for the
// attachments-to-S3 example, default 8026, a free port if busy), TEMPMAIL_N8N_DATA (user folder),
// TEMPMAIL_LINK_MODE=symlink (link the project instead of packing it),
// TEMPMAIL_REIMPORT_EXAMPLES=1 (overwrite previously imported examples),
// TEMPMAIL_EXAMPLES_DIR (default examples/),
// N8N_LOG_LEVEL (default info), TEMPMAIL_RUNTIME_CACHE (runtime cache folder).
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const runtimeLib = require('./runtime');
const { createLog, formatDuration } = require('./runtime/log');

const ROOT = runtimeLib.PROJECT_ROOT;
const log = createLog('start');
const CREDENTIAL_ID = 'TempMailLocalApi'; // n8n ids: 16 letters/digits
const CREDENTIAL_NAME = 'Temp Mail API';
const REAL_API_URL = 'https://v1.tempmailg.com';
// The local S3-compatible store for the attachments-to-S3 example (s3rver).
const S3_CREDENTIAL_ID = 'TempMailLocalS3x';
const S3_CREDENTIAL_NAME = 'Local S3 (npm start)';
const S3_BUCKET = 'tempmail-attachments';

/** Things to stop, newest first. */
const cleanups = [];
let shuttingDown = false;

async function shutdown(reason, code) {
	if (shuttingDown) return;
	shuttingDown = true;
	if (reason) log(`${reason}: stopping`);
	for (const fn of cleanups.reverse()) {
		try {
			await fn();
		} catch (err) {
			log.error(`while stopping: ${err instanceof Error ? err.message : err}`);
		}
	}
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => void shutdown(signal, signal === 'SIGINT' ? 130 : 143));
}

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

function writeJson(file, value) {
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

function intEnv(name, fallback) {
	const raw = process.env[name];
	if (!raw) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0 || n > 65535)
		throw new Error(`${name} must be a port number, got "${raw}"`);
	return n;
}

/** A valid n8n workflow id (16 letters/digits) derived from a file name. */
function idFor(fileName) {
	const hex = crypto.createHash('sha256').update(fileName).digest('hex');
	return `TmEx${hex.slice(0, 12)}`;
}

/**
 * Reads examples/*.json, gives each a stable id and points every Temp Mail
 * node at the imported credential.
 */
/** @param {string | null} signupUrl the demo sign-up form of the running simulator, if any */
function loadExamples(signupUrl) {
	const dir = path.resolve(process.env.TEMPMAIL_EXAMPLES_DIR || path.join(ROOT, 'examples'));
	if (!fs.existsSync(dir)) return [];
	const out = [];
	for (const name of fs
		.readdirSync(dir)
		.filter((n) => n.endsWith('.json'))
		.sort()) {
		const file = path.join(dir, name);
		let workflow;
		try {
			workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch (err) {
			log.error(`skipping ${file}: not valid JSON (${err.message})`);
			continue;
		}
		if (!workflow || !Array.isArray(workflow.nodes) || typeof workflow.connections !== 'object') {
			log.error(`skipping ${file}: not an n8n workflow (nodes, connections)`);
			continue;
		}
		if (typeof workflow.id !== 'string' || !/^[A-Za-z0-9]{1,36}$/.test(workflow.id))
			workflow.id = idFor(name);
		workflow.name ??= path.basename(name, '.json');
		workflow.active = false;
		for (const node of workflow.nodes) {
			if (typeof node.type === 'string' && node.type.startsWith('n8n-nodes-tempmail.')) {
				node.credentials = {
					...(node.credentials ?? {}),
					tempMailApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME },
				};
			}
			if (node.type === 'n8n-nodes-base.s3') {
				node.credentials = { s3: { id: S3_CREDENTIAL_ID, name: S3_CREDENTIAL_NAME } };
			}
			// The sign-up example posts to the simulator's demo site: follow it to whatever port it got.
			if (
				signupUrl &&
				typeof node.parameters?.url === 'string' &&
				node.parameters.url.endsWith('/__control/signup')
			) {
				node.parameters.url = signupUrl;
			}
		}
		out.push({ file: path.relative(ROOT, file), workflow });
	}
	return out;
}

const QUIET_N8N_LINES = /^(Starting|Finished) migration |^\[\w+\d+\] |^\s*$/;

/** One n8n process (regular mode), its output echoed here. */
async function startSingle(runtime, userFolder, n8nPort) {
	log(
		`starting n8n ${runtimeLib.N8N_VERSION} on port ${n8nPort} (log: ${path.join(userFolder, 'n8n.log')})`,
	);
	const n8n = await runtimeLib.startN8n({
		runtime,
		userFolder,
		port: n8nPort,
		brokerPort: await runtimeLib.freePort(),
		logFile: path.join(userFolder, 'n8n.log'),
		logLevel: process.env.N8N_LOG_LEVEL || 'info',
		inheritN8nEnv: true,
		onLine: (line) => {
			if (!QUIET_N8N_LINES.test(line)) process.stdout.write(`[n8n] ${line}\n`);
		},
	});
	cleanups.push(async () => {
		const how = await n8n.stop();
		log(`n8n stopped (${how})`);
	});
	log(`n8n ready in ${formatDuration(n8n.startupSeconds)}`);
	return n8n;
}

/** Queue mode: redis-server, n8n main and two workers; returns main. Logs stay in the user folder. */
async function startCluster(runtime, userFolder, n8nPort) {
	log(
		`starting n8n ${runtimeLib.N8N_VERSION} in queue mode: redis, main on port ${n8nPort}, 2 workers (logs: ${userFolder}/*.log)`,
	);
	const cluster = await runtimeLib.startQueueCluster({
		runtime,
		userFolder,
		logDir: userFolder,
		workers: 2,
		mainPort: n8nPort,
		inheritN8nEnv: true,
		logLevel: process.env.N8N_LOG_LEVEL || 'info',
		log,
	});
	cleanups.push(async () => {
		await cluster.stop();
		log('n8n main, workers and redis stopped');
	});
	log(`queue-mode cluster ready in ${formatDuration(cluster.startupSeconds)}`);
	return cluster.main;
}

async function main() {
	const n8nPort = intEnv('N8N_PORT', 5678);
	const queue = process.argv.includes('--queue');
	const userFolder = path.resolve(
		process.env.TEMPMAIL_N8N_DATA ||
			path.join(ROOT, queue ? '.n8n-runtime-data-queue' : '.n8n-runtime-data'),
	);
	const linkMode = process.env.TEMPMAIL_LINK_MODE === 'symlink' ? 'symlink' : 'pack';
	if (!(await runtimeLib.portIsFree(n8nPort))) {
		throw new Error(
			`port ${n8nPort} is in use (another n8n or npm start?). Stop it or set N8N_PORT.`,
		);
	}

	let t = Date.now();
	log('building n8n-nodes-tempmail (npm run build)');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	log(`built in ${formatDuration((Date.now() - t) / 1000)}`);

	const runtime = await runtimeLib.ensureRuntime();

	fs.mkdirSync(userFolder, { recursive: true });
	const stateFile = path.join(userFolder, 'tempmail-start.json');
	const state = readJson(stateFile, { importedExamples: {} });
	state.importedExamples ??= {};

	// -- the Temp Mail API: simulator or real ------------------------------------
	let api;
	if (process.env.TEMPMAIL_API_KEY) {
		api = {
			baseUrl: (process.env.TEMPMAIL_BASE_URL || REAL_API_URL).replace(/\/+$/, ''),
			apiKey: process.env.TEMPMAIL_API_KEY,
			real: true,
		};
		log(`using the real Temp Mail API at ${api.baseUrl} (TEMPMAIL_API_KEY is set)`);
	} else {
		const { startSimulator } = require('../test/simulator');
		state.simulatorKey ??= `tm_local_${crypto.randomBytes(12).toString('hex')}`;
		const wanted = intEnv('TEMPMAIL_SIMULATOR_PORT', 8025);
		const port = (await runtimeLib.portIsFree(wanted)) ? wanted : 0;
		const sim = await startSimulator({ port, defaultKey: state.simulatorKey });
		cleanups.push(() => sim.close());
		if (port === 0) log(`port ${wanted} is busy: the simulator uses ${sim.port}`);
		api = { baseUrl: sim.url, apiKey: sim.defaultKey, real: false };
		log(`Temp Mail API simulator on ${sim.url} (key ${sim.defaultKey})`);
	}
	writeJson(stateFile, state);

	// -- a local S3 store for the attachments-to-S3 example -----------------------
	const s3Wanted = intEnv('TEMPMAIL_S3_PORT', 8026);
	const s3 = await runtimeLib.startS3Server({
		directory: path.join(userFolder, 's3'),
		port: (await runtimeLib.portIsFree(s3Wanted)) ? s3Wanted : 0,
		buckets: [S3_BUCKET],
	});
	cleanups.push(() => s3.close());
	log(
		`local S3 store on ${s3.url}, bucket "${S3_BUCKET}" (files under ${path.join(userFolder, 's3')})`,
	);

	// -- user folder: package, credential, examples -------------------------------
	t = Date.now();
	const linked = runtimeLib.linkPackage({ userFolder, mode: linkMode });
	log(
		`${linked.name}@${linked.version} installed into the n8n user folder (${linked.mode}) in ${formatDuration((Date.now() - t) / 1000)}`,
	);

	const cli = { runtime, userFolder };
	t = Date.now();
	await runtimeLib.importCredentials(cli, [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'tempMailApi',
			data: { apiKey: api.apiKey, baseUrl: api.baseUrl },
		},
		{ id: S3_CREDENTIAL_ID, name: S3_CREDENTIAL_NAME, type: 's3', data: s3.credentialData() },
	]);
	log(
		`credential "${CREDENTIAL_NAME}" (${CREDENTIAL_ID}) -> ${api.baseUrl} imported in ${formatDuration((Date.now() - t) / 1000)}`,
	);

	const examples = loadExamples(api.real ? null : `${api.baseUrl}/__control/signup`);
	const reimport = process.env.TEMPMAIL_REIMPORT_EXAMPLES === '1';
	const toImport = examples.filter(
		({ workflow }) => reimport || !state.importedExamples[workflow.id],
	);
	if (toImport.length) {
		t = Date.now();
		await runtimeLib.importWorkflows(
			cli,
			toImport.map((e) => e.workflow),
		);
		for (const { file, workflow } of toImport)
			state.importedExamples[workflow.id] = {
				file,
				name: workflow.name,
				at: new Date().toISOString(),
			};
		writeJson(stateFile, state);
		log(
			`imported ${toImport.length} example workflow(s) in ${formatDuration((Date.now() - t) / 1000)}`,
		);
	}
	if (examples.length > toImport.length) {
		log(
			`${examples.length - toImport.length} example workflow(s) already imported, left as they are (TEMPMAIL_REIMPORT_EXAMPLES=1 overwrites them)`,
		);
	}

	// -- n8n ----------------------------------------------------------------------
	const n8n = queue
		? await startCluster(runtime, userFolder, n8nPort)
		: await startSingle(runtime, userFolder, n8nPort);
	void n8n.exited.then((exit) => {
		if (!shuttingDown)
			void shutdown(`n8n exited on its own (${exit.signal || `code ${exit.code}`})`, 1);
	});

	const rest = new runtimeLib.N8nRest(n8n.apiUrl, { runtime });
	const owner = await rest.ensureOwner();

	const lines = [
		'',
		`  n8n with n8n-nodes-tempmail is running${queue ? ' in queue mode (main + 2 workers, Redis)' : ''}:`,
		'',
		`    Open      ${n8n.url}`,
		`    Log in    ${runtimeLib.OWNER.email} / ${runtimeLib.OWNER.password}${owner === 'created' ? '   (owner account just created)' : ''}`,
		`    Credential "${CREDENTIAL_NAME}" -> ${api.real ? `the real API at ${api.baseUrl}` : `the simulator at ${api.baseUrl}`}`,
	];
	if (!api.real) {
		lines.push(
			`    Simulator key ${api.apiKey}   (try: curl -H 'Authorization: Bearer ${api.apiKey}' '${api.baseUrl}/api/domains')`,
		);
	}
	lines.push(
		`    S3        ${s3.url}, bucket "${S3_BUCKET}", credential "${S3_CREDENTIAL_NAME}" (for "Temp Mail: attachments to S3")`,
	);
	if (examples.length)
		lines.push(`    Workflows ${examples.map((e) => `"${e.workflow.name}"`).join(', ')}`);
	lines.push(
		`    Data      ${userFolder} (kept between runs; delete it to start afresh)`,
		'',
		'  Ctrl-C stops everything.',
		'',
	);
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
	log.error(`FAILED: ${err instanceof Error ? err.message : err}`);
	void shutdown(null, 1);
});
