#!/usr/bin/env node
'use strict';
// `npm run demo`: runs examples/signup-verification.json once in the real n8n, headless,
// and prints what it found: the verification code, the link and the mailbox used.
//
//  1. builds the package and installs the pinned n8n + Node 24 runtime if missing
//  2. starts the Temp Mail API simulator, whose demo site mails a verification code
//     (or, with TEMPMAIL_API_KEY, uses the real API: then the sign-up must be a real
//     site's, given as TEMPMAIL_SIGNUP_URL)
//  3. a temporary n8n user folder: the package installed as n8n installs community
//     packages, the credential and the example imported with the n8n CLI
//  4. `n8n execute --id tmSignupVerify01` (no n8n server needed)
//  5. prints the "Result" node's output and the time it took; removes everything it made
//
// Exit codes: 0 done, 1 the workflow (or a step before it) failed, 2 missing settings.
// Environment: TEMPMAIL_API_KEY, TEMPMAIL_BASE_URL (default https://v1.tempmailg.com),
// TEMPMAIL_SIGNUP_URL (with the real API), TEMPMAIL_DEMO_KEEP=1 (keep the user folder),
// TEMPMAIL_RUNTIME_CACHE (runtime cache folder).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimeLib = require('./runtime');
const { createLog, formatDuration } = require('./runtime/log');

const ROOT = runtimeLib.PROJECT_ROOT;
const EXAMPLE = path.join(ROOT, 'examples', 'signup-verification.json');
const WORKFLOW_ID = 'tmSignupVerify01';
const SIGNUP_NODE = 'Sign Up on the Site';
const RESULT_NODE = 'Result';
const CREDENTIAL = { id: 'TempMailDemoApi1', name: 'Temp Mail API (demo)' };
const REAL_API_URL = 'https://v1.tempmailg.com';

const log = createLog('demo');
const cleanups = [];
let finishing = false;

async function finish(code) {
	if (finishing) return;
	finishing = true;
	for (const fn of cleanups.reverse()) {
		try {
			await fn();
		} catch (err) {
			log.error(`while cleaning up: ${err instanceof Error ? err.message : err}`);
		}
	}
	// Exit handlers of scripts/runtime kill any n8n CLI process still running.
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		log.error(`${signal}: stopping`);
		void finish(signal === 'SIGINT' ? 130 : 143);
	});
}

/** Fails with exit code 2 and an explanation. */
class SetupError extends Error {}

/**
 * The real API's settings when TEMPMAIL_API_KEY is set (checked before anything is
 * built or started), else null: the simulator and its demo site are used.
 */
function realApiSettings() {
	if (!process.env.TEMPMAIL_API_KEY) return null;
	const baseUrl = (process.env.TEMPMAIL_BASE_URL || REAL_API_URL).replace(/\/+$/, '');
	const signupUrl = process.env.TEMPMAIL_SIGNUP_URL;
	if (!signupUrl) {
		throw new SetupError(
			[
				'TEMPMAIL_API_KEY is set, so the demo would use the real Temp Mail API, but the demo site that',
				"mails a verification code exists only in the simulator. Give your own site's sign-up endpoint:",
				'',
				'  TEMPMAIL_SIGNUP_URL=https://your-site.example/signup npm run demo',
				'',
				'The workflow POSTs {"email": "<new mailbox>"} (JSON) there, then waits up to 120 s for a mail whose',
				'subject contains "verify" and extracts its code and link. Or unset TEMPMAIL_API_KEY to use the simulator.',
			].join('\n'),
		);
	}
	if (!/^https?:\/\//.test(signupUrl))
		throw new SetupError(`TEMPMAIL_SIGNUP_URL must be an http(s) URL, got "${signupUrl}"`);
	return {
		label: `the real API at ${baseUrl}`,
		baseUrl,
		apiKey: process.env.TEMPMAIL_API_KEY,
		signupUrl,
		control: null,
	};
}

/** The simulator, with the sign-up form of its demo site. */
async function startDemoSimulator() {
	const { SimulatorControl, startSimulator } = require('../test/simulator');
	const sim = await startSimulator({ port: 0 });
	cleanups.push(() => sim.close());
	log(`Temp Mail API simulator on ${sim.url}`);
	return {
		label: `the simulator at ${sim.url}`,
		baseUrl: sim.url,
		apiKey: sim.defaultKey,
		signupUrl: `${sim.url}/__control/signup`,
		control: new SimulatorControl(sim.url),
	};
}

/** The example with its sign-up request and Temp Mail credential pointed at this run's. */
function demoWorkflow(signupUrl) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const signUp = workflow.nodes.find((node) => node.name === SIGNUP_NODE);
	if (workflow.id !== WORKFLOW_ID || !signUp) {
		throw new Error(
			`${path.relative(ROOT, EXAMPLE)} changed: expected workflow id ${WORKFLOW_ID} with a node "${SIGNUP_NODE}"`,
		);
	}
	signUp.parameters.url = signupUrl;
	for (const node of workflow.nodes) {
		if (node.type.startsWith('n8n-nodes-tempmail.'))
			node.credentials = { tempMailApi: { ...CREDENTIAL } };
	}
	return workflow;
}

/** "Node X: message" from a failed run, as precise as the run data allows. */
function describeFailure(result) {
	const resultData = result.data?.data?.resultData;
	const error = resultData?.error;
	if (error?.message) {
		const node = error.node?.name || resultData.lastNodeExecuted;
		const description = error.description ? `\n  ${error.description}` : '';
		return `${node ? `node "${node}": ` : ''}${error.message}${description}`;
	}
	const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-15).join('\n');
	return `n8n execute exited with ${result.signal || `code ${result.code}`}; its last output:\n${tail}`;
}

async function main() {
	const t0 = Date.now();
	const real = realApiSettings();
	let t = Date.now();
	log('building n8n-nodes-tempmail (npm run build)');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	log(`built in ${formatDuration((Date.now() - t) / 1000)}`);
	const runtime = await runtimeLib.ensureRuntime();

	const api = real ?? (await startDemoSimulator());
	if (real) log(`using the real Temp Mail API at ${real.baseUrl}; sign-up at ${real.signupUrl}`);

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-demo-'));
	cleanups.push(() => {
		if (process.env.TEMPMAIL_DEMO_KEEP === '1') log(`kept the n8n user folder ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	});
	t = Date.now();
	runtimeLib.linkPackage({ userFolder });
	const cli = { runtime, userFolder };
	await runtimeLib.importCredentials(cli, [
		{ ...CREDENTIAL, type: 'tempMailApi', data: { apiKey: api.apiKey, baseUrl: api.baseUrl } },
	]);
	await runtimeLib.importWorkflows(cli, [demoWorkflow(api.signupUrl)]);
	log(
		`n8n user folder ready (package, credential, workflow) in ${formatDuration((Date.now() - t) / 1000)}: ${userFolder}`,
	);

	log(`running "Temp Mail: sign-up verification" (n8n execute --id ${WORKFLOW_ID})`);
	const result = await runtimeLib.executeWorkflow(cli, WORKFLOW_ID);
	if (result.code !== 0 || result.data?.status !== 'success') {
		throw new Error(
			`the workflow failed after ${formatDuration(result.seconds)}: ${describeFailure(result)}`,
		);
	}
	const run = result.data;
	const output = run.data.resultData.runData?.[RESULT_NODE]?.[0]?.data?.main?.[0]?.[0]?.json;
	if (!output)
		throw new Error(`the workflow succeeded but its "${RESULT_NODE}" node output nothing`);
	const workflowSeconds = (Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000;

	const lines = [
		'',
		'  Sign-up verification, done by n8n with n8n-nodes-tempmail:',
		'',
		`    Mailbox            ${output.mailbox}   (created, used, deleted)`,
		`    Verification code  ${output.code || '(none found)'}`,
		`    Verification link  ${output.verificationLink || '(none found)'}`,
		`    Temp Mail API      ${api.label}`,
		`    Took               ${formatDuration(workflowSeconds)} in the workflow, ${formatDuration(result.seconds)} for n8n execute, ${formatDuration((Date.now() - t0) / 1000)} in all`,
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	if (api.control) {
		// The simulator knows what its demo site sent: the demo checks itself.
		const sent = (await api.control.signUps()).find(
			(s) => s.email === String(output.mailbox).toLowerCase(),
		);
		if (!sent) throw new Error(`the simulator's demo site sent nothing to ${output.mailbox}`);
		if (sent.code !== output.code || sent.link !== output.verificationLink) {
			throw new Error(
				`extracted code/link differ from what the site sent (code ${sent.code}, link ${sent.link})`,
			);
		}
		log('the code and link match what the demo site sent');
	}
}

main().then(
	() => finish(0),
	(err) => {
		const setup = err instanceof SetupError;
		log.error(`${setup ? '' : 'FAILED: '}${err instanceof Error ? err.message : err}`);
		return finish(setup ? 2 : 1);
	},
);
