'use strict';
// Process-group helpers: n8n runs in its own group (spawned detached) together with
// its task-runner child, so the whole tree can be signalled at once and nothing is
// left behind, even if the parent dies without cleaning up.
const { spawn } = require('node:child_process');
const fs = require('node:fs');

/** Whether any process of group `pgid` is alive. */
function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (err) {
		return err.code === 'EPERM';
	}
}

function killGroup(pgid, signal) {
	try {
		process.kill(-pgid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * Waits until every process of the group has exited (zombies of a still-running
 * parent count as exited: they are listed with state Z).
 */
async function waitGroupGone(pgid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!groupAlive(pgid) || groupMembers(pgid).every((p) => p.state === 'Z')) return true;
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}

/**
 * SIGTERM to the group, then SIGKILL after `graceMs`. Resolves when the group is gone.
 * @returns {Promise<'exited' | 'killed' | 'not-running'>}
 */
async function stopGroup(pgid, graceMs = 15_000) {
	if (!groupAlive(pgid)) return 'not-running';
	killGroup(pgid, 'SIGTERM');
	if (await waitGroupGone(pgid, graceMs)) return 'exited';
	killGroup(pgid, 'SIGKILL');
	await waitGroupGone(pgid, 5_000);
	return 'killed';
}

/** Processes of a group, read from /proc: pid, state, command, RSS in bytes. */
function groupMembers(pgid) {
	const out = [];
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return out;
	}
	for (const name of entries) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			// pid (comm) state ppid pgrp ... ; comm may contain spaces and parentheses
			const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(rest[2]) !== pgid) continue;
			const status = fs.readFileSync(`/proc/${name}/status`, 'utf8');
			const rssKb = Number((/VmRSS:\s+(\d+)/.exec(status) || [])[1] || 0);
			const cmd = fs
				.readFileSync(`/proc/${name}/cmdline`, 'utf8')
				.split('\0')
				.filter(Boolean)
				.join(' ');
			out.push({
				pid: Number(name),
				ppid: Number(rest[1]),
				state: rest[0],
				cmd,
				rss: rssKb * 1024,
			});
		} catch {
			/* exited meanwhile */
		}
	}
	return out;
}

/**
 * A tiny shell watchdog outside the group: when `parentPid` disappears (even by
 * SIGKILL, where no exit handler runs) it stops the group. Returns a function that
 * dismisses it.
 */
function startWatchdog(parentPid, pgid, graceSeconds = 10) {
	const script =
		`while kill -0 ${parentPid} 2>/dev/null; do sleep 1; done; ` +
		`kill -TERM -${pgid} 2>/dev/null; sleep ${graceSeconds}; kill -KILL -${pgid} 2>/dev/null; exit 0`;
	const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
	dog.unref();
	return () => {
		try {
			process.kill(-dog.pid, 'SIGKILL'); // the shell and its `sleep`
		} catch {
			/* already gone */
		}
	};
}

module.exports = { groupAlive, killGroup, stopGroup, waitGroupGone, groupMembers, startWatchdog };
