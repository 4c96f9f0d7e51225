// One real n8n per test file: the pinned runtime (scripts/runtime), this package
// installed into a temporary user folder the way n8n installs community packages, the
// Temp Mail API simulator, an imported credential and workflows, and an owner session.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as runtime from '../../../scripts/runtime';
import { startSimulator } from '../../simulator';
import type { RunningSimulator } from '../../simulator';
import { CREDENTIAL_ID, CREDENTIAL_NAME } from './workflows';

export interface E2eEnvironment {
	sim: RunningSimulator;
	n8n: runtime.RunningN8n;
	rest: runtime.N8nRest;
	cli: runtime.CliOptions;
	userFolder: string;
	/** Seconds spent in each start-up step. */
	timings: Record<string, number>;
	/**
	 * Stops n8n (SIGTERM, its graceful shutdown) and starts it again on the same user
	 * folder and database; `n8n` and `rest` are replaced (new port, new owner session).
	 * `whileStopped` runs after n8n has exited and before it starts again.
	 */
	restartN8n(
		whileStopped?: () => Promise<unknown>,
	): Promise<{ stopSeconds: number; startSeconds: number; stoppedHow: string }>;
	stop(): Promise<void>;
}

async function timed<T>(
	timings: Record<string, number>,
	step: string,
	fn: () => Promise<T> | T,
): Promise<T> {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings[step] = (Date.now() - started) / 1000;
	}
}

/**
 * @param name used for the kept log file test/.tmp/e2e/<name>.n8n.log
 * @param workflows imported with the n8n CLI before n8n starts
 * @param n8nEnv extra environment of `n8n start` (each start, restarts included)
 */
export async function startE2eEnvironment(
	name: string,
	workflows: object[] = [],
	n8nEnv: Record<string, string> = {},
): Promise<E2eEnvironment> {
	// Throws "run npm run n8n:install" if the global setup could not install it.
	const rt = runtime.requireRuntime();
	const timings: Record<string, number> = {};
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-e2e-'));
	const logDir = path.join(runtime.PROJECT_ROOT, 'test', '.tmp', 'e2e');
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, `${name}.n8n.log`);
	fs.rmSync(logFile, { force: true });

	const stops: Array<() => Promise<unknown>> = [];
	const stop = async () => {
		for (const fn of stops.reverse()) await fn().catch(() => undefined);
		stops.length = 0;
		if (process.env.TEMPMAIL_E2E_KEEP !== '1')
			fs.rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		const sim = await startSimulator();
		stops.push(() => sim.close());
		const cli: runtime.CliOptions = { runtime: rt, userFolder };

		await timed(timings, 'linkPackage', () => runtime.linkPackage({ userFolder }));
		await timed(timings, 'importCredentials', () =>
			runtime.importCredentials(cli, [
				{
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: 'tempMailApi',
					data: { apiKey: sim.defaultKey, baseUrl: sim.url },
				},
			]),
		);
		if (workflows.length)
			await timed(timings, 'importWorkflows', () => runtime.importWorkflows(cli, workflows));

		const startN8n = async () =>
			runtime.startN8n({
				runtime: rt,
				userFolder,
				port: await runtime.freePort(),
				brokerPort: await runtime.freePort(),
				logFile,
				logLevel: 'info',
				extraEnv: n8nEnv,
			});
		const n8n = await timed(timings, 'n8nStart', startN8n);
		const rest = new runtime.N8nRest(n8n.apiUrl, { runtime: rt });
		await timed(timings, 'ownerSetup', () => rest.ensureOwner());

		const env: E2eEnvironment = {
			sim,
			n8n,
			rest,
			cli,
			userFolder,
			timings,
			stop,
			async restartN8n(whileStopped) {
				let started = Date.now();
				const stoppedHow = await env.n8n.stop();
				const stopSeconds = (Date.now() - started) / 1000;
				if (whileStopped) await whileStopped();
				started = Date.now();
				env.n8n = await startN8n();
				env.rest = new runtime.N8nRest(env.n8n.apiUrl, { runtime: rt });
				await env.rest.ensureOwner();
				return { stopSeconds, startSeconds: (Date.now() - started) / 1000, stoppedHow };
			},
		};
		// Whichever n8n runs at the end (restartN8n replaces it).
		stops.push(() => env.n8n.stop());
		return env;
	} catch (err) {
		await stop();
		throw err;
	}
}

/**
 * The items a node output on its first run, from a run (`n8n execute`) or an
 * execution (REST): both hold the run data in `data`.
 */
export function nodeOutput(
	run: { data: runtime.RunExecutionData } | null | undefined,
	nodeName: string,
): Array<{ json: Record<string, unknown> }> {
	const taskData = run?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!taskData) {
		throw new Error(
			`node "${nodeName}" did not run; run error: ${JSON.stringify(run?.data?.resultData?.error ?? null)}`,
		);
	}
	if (taskData.executionStatus !== 'success') {
		throw new Error(
			`node "${nodeName}" ended "${taskData.executionStatus}": ${JSON.stringify(taskData.error ?? null)}`,
		);
	}
	return taskData.data?.main?.[0] ?? [];
}

/** Polls `probe` until it returns something other than undefined, or throws after timeoutMs. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
	everyMs = 1000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
