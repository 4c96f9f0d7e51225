// A real n8n queue-mode cluster for one end-to-end test: redis-server, one main and two
// workers from the project's runtime sharing a temporary user folder with this package
// installed, the Temp Mail API simulator, an imported credential and an owner session.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as runtime from '../../../scripts/runtime';
import { startSimulator } from '../../simulator';
import type { RunningSimulator } from '../../simulator';
import { CREDENTIAL_ID, CREDENTIAL_NAME } from './workflows';

export interface QueueEnvironment {
	sim: RunningSimulator;
	cluster: runtime.QueueCluster;
	rest: runtime.N8nRest;
	userFolder: string;
	logDir: string;
	/** Stops main (SIGTERM, its graceful shutdown) and starts it again; workers keep running. */
	restartMain(): Promise<{ stopSeconds: number; startSeconds: number; stoppedHow: string }>;
	/** Everything the workers logged so far. */
	workerLogs(): string[];
	stop(): Promise<void>;
}

/**
 * Queue settings for the test: a killed worker's job lock lapses after 10 s (n8n's
 * default is 60 s) and stalled jobs are looked for every 5 s (default 30 s), so the
 * SIGKILL scenario settles within the test's time; n8n's behaviour is otherwise the same.
 */
export const TEST_QUEUE_ENV = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

export async function startQueueEnvironment(
	name: string,
	binaryDataMode: 'database' | 'filesystem',
): Promise<QueueEnvironment> {
	const rt = runtime.requireRuntime();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-queue-'));
	const logDir = path.join(runtime.PROJECT_ROOT, 'test', '.tmp', 'e2e', name);
	fs.rmSync(logDir, { recursive: true, force: true });
	fs.mkdirSync(logDir, { recursive: true });
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
		runtime.linkPackage({ userFolder });
		await runtime.importCredentials({ runtime: rt, userFolder }, [
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: 'tempMailApi',
				data: { apiKey: sim.defaultKey, baseUrl: sim.url },
			},
		]);
		const cluster = await runtime.startQueueCluster({
			runtime: rt,
			userFolder,
			logDir,
			workers: 2,
			binaryDataMode,
			extraEnv: TEST_QUEUE_ENV,
		});
		stops.push(() => cluster.stop());
		const rest = new runtime.N8nRest(cluster.main.apiUrl, { runtime: rt });
		await rest.ensureOwner();
		const env: QueueEnvironment = {
			sim,
			cluster,
			rest,
			userFolder,
			logDir,
			stop,
			async restartMain() {
				let started = Date.now();
				const stoppedHow = await cluster.main.stop();
				const stopSeconds = (Date.now() - started) / 1000;
				started = Date.now();
				await cluster.startMain();
				env.rest = new runtime.N8nRest(cluster.main.apiUrl, { runtime: rt });
				await env.rest.ensureOwner();
				return { stopSeconds, startSeconds: (Date.now() - started) / 1000, stoppedHow };
			},
			workerLogs() {
				return cluster.workers.map((worker) => fs.readFileSync(worker.logFile, 'utf8'));
			},
		};
		return env;
	} catch (err) {
		await stop();
		throw err;
	}
}

/** Execution ids a worker log says it started and finished ("Worker started execution 12 (job 7)"). */
export function workerExecutions(log: string): { started: Set<string>; finished: Set<string> } {
	const started = new Set<string>();
	const finished = new Set<string>();
	for (const match of log.matchAll(/Worker (started|finished) execution (\d+)/g)) {
		(match[1] === 'started' ? started : finished).add(match[2]);
	}
	return { started, finished };
}
