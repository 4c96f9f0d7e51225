'use strict';
// Redis for n8n's queue mode: Debian's redis-server (installed with apt-get when
// missing), started on a loopback port with nothing persisted, stopped on request or
// when this process exits.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { startWatchdog, stopGroup, killGroup } = require('./process-group');

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

function findRedisServer() {
	for (const file of CANDIDATES) if (fs.existsSync(file)) return file;
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const file = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(file)) return file;
	}
	return null;
}

/**
 * The path of redis-server, installing Debian's package first when it is missing
 * (as root, or through a password-less sudo).
 * @param {(line: string) => void} [log]
 */
function ensureRedisServer(log = () => undefined) {
	const found = findRedisServer();
	if (found) return found;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const prefix = root ? [] : ['sudo', '-n'];
	const run = (args) => {
		const [cmd, ...rest] = [...prefix, ...args];
		execFileSync(cmd, rest, {
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	};
	log("redis-server is missing: installing Debian's redis-server with apt-get");
	try {
		try {
			run(['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server']);
		} catch {
			run(['apt-get', 'update']);
			run(['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server']);
		}
	} catch (err) {
		throw new Error(
			`could not install redis-server (${err.message.split('\n')[0]}). Install it yourself ` +
				'(Debian/Ubuntu: sudo apt-get install redis-server) and run this again.',
		);
	}
	const installed = findRedisServer();
	if (!installed)
		throw new Error('apt-get installed redis-server, but no redis-server binary was found');
	return installed;
}

/** Sends PING over a fresh connection; resolves true on +PONG. */
function ping(port, timeoutMs = 1_000) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('latin1');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/**
 * @param {object} options
 * @param {number} options.port loopback port
 * @param {string} options.logFile
 * @param {(line: string) => void} [options.log]
 */
async function startRedis({ port, logFile, log }) {
	const bin = ensureRedisServer(log);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'a');
	let child;
	try {
		// Queue jobs only need to live as long as the cluster: no snapshots, no AOF.
		child = spawn(
			bin,
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--daemonize',
				'no',
			],
			{
				cwd: path.dirname(logFile),
				detached: true,
				stdio: ['ignore', out, out],
			},
		);
	} finally {
		fs.closeSync(out);
	}
	const pgid = child.pid;
	if (!pgid) throw new Error(`could not start ${bin}`);
	const dismissWatchdog = startWatchdog(process.pid, pgid);
	const killOnExit = () => killGroup(pgid, 'SIGKILL');
	process.on('exit', killOnExit);
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	const stop = async () => {
		const how = await stopGroup(pgid, 5_000);
		dismissWatchdog();
		process.off('exit', killOnExit);
		return how;
	};
	const deadline = Date.now() + 15_000;
	while (!(await ping(port))) {
		if (exited || Date.now() > deadline) {
			await stop();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-10).join('\n');
			throw new Error(
				`redis-server did not answer PING on port ${port}. Last lines of ${logFile}:\n${tail}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { pid: child.pid, port, host: '127.0.0.1', logFile, stop };
}

module.exports = { ensureRedisServer, startRedis, ping };
