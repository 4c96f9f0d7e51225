'use strict';
// A local n8n queue-mode cluster from the project's runtime: redis-server on a loopback
// port, one n8n main (editor, REST API, triggers and pollers) and N workers (`n8n
// worker`, which run the executions), all sharing one user folder: one SQLite database,
// one encryption key, one community-nodes folder, one binary data folder.
const path = require('node:path');

const { startN8n } = require('./n8n-process');
const { freePort } = require('./ports');
const { startRedis } = require('./redis');

/**
 * @param {object} options
 * @param {ReturnType<import('./paths').requireRuntime>} options.runtime
 * @param {string} options.userFolder prepared (package linked, credentials imported)
 * @param {string} options.logDir redis.log, main.log, worker-<n>.log
 * @param {number} [options.workers] default 2
 * @param {number} [options.mainPort] default: a free port
 * @param {'database' | 'filesystem'} [options.binaryDataMode] default 'database' (n8n's queue-mode default)
 * @param {boolean} [options.inheritN8nEnv]
 * @param {string} [options.logLevel]
 * @param {Record<string, string>} [options.extraEnv] for every n8n process
 * @param {(line: string) => void} [options.log]
 */
async function startQueueCluster(options) {
	const {
		runtime,
		userFolder,
		logDir,
		workers: workerCount = 2,
		binaryDataMode = 'database',
		log = () => undefined,
	} = options;
	const started = Date.now();
	const redis = await startRedis({
		port: await freePort(),
		logFile: path.join(logDir, 'redis.log'),
		log,
	});
	log(`redis-server on 127.0.0.1:${redis.port}`);
	const queueEnv = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_DEFAULT_BINARY_DATA_MODE: binaryDataMode,
		// Runs started from the editor go to the workers too, as in a real deployment.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		...options.extraEnv,
	};
	const common = {
		runtime,
		userFolder,
		logLevel: options.logLevel ?? 'info',
		inheritN8nEnv: options.inheritN8nEnv,
		extraEnv: queueEnv,
	};

	const cluster = {
		redis,
		/** @type {Awaited<ReturnType<typeof startN8n>>} */
		main: /** @type {any} */ (null),
		/** @type {Array<Awaited<ReturnType<typeof startN8n>>>} */
		workers: [],
		binaryDataMode,
		startupSeconds: 0,
		/** Main first: on a fresh database it runs the migrations the workers rely on. */
		async startMain() {
			cluster.main = await startN8n({
				...common,
				command: 'start',
				port: options.mainPort ?? (await freePort()),
				brokerPort: await freePort(),
				logFile: path.join(logDir, 'main.log'),
			});
			return cluster.main;
		},
		async startWorker(index) {
			const worker = await startN8n({
				...common,
				command: 'worker',
				port: await freePort(),
				brokerPort: await freePort(),
				logFile: path.join(logDir, `worker-${index + 1}.log`),
			});
			cluster.workers[index] = worker;
			return worker;
		},
		/** Every process of the cluster with its RSS in bytes (n8n's task runners included). */
		memory() {
			const groups = [
				{ name: 'main', n8n: cluster.main },
				...cluster.workers.map((n8n, i) => ({ name: `worker-${i + 1}`, n8n })),
			];
			return groups.filter((g) => g.n8n).map((g) => ({ name: g.name, rssBytes: g.n8n.rssBytes() }));
		},
		/** Workers, then main, then redis. */
		async stop() {
			await Promise.all(cluster.workers.map((w) => w?.stop()));
			if (cluster.main) await cluster.main.stop();
			await redis.stop();
		},
	};
	try {
		await cluster.startMain();
		log(`n8n main on ${cluster.main.url} in ${cluster.main.startupSeconds.toFixed(1)} s`);
		// Workers side by side: each spends most of its start-up loading n8n's modules.
		await Promise.all(
			Array.from({ length: workerCount }, async (_, i) => {
				const worker = await cluster.startWorker(i);
				log(
					`n8n worker ${i + 1} ready in ${worker.startupSeconds.toFixed(1)} s (health check on port ${worker.port})`,
				);
			}),
		);
	} catch (err) {
		await cluster.stop();
		throw err;
	}
	cluster.startupSeconds = (Date.now() - started) / 1000;
	return cluster;
}

module.exports = { startQueueCluster };
