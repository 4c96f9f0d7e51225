'use strict';
// Progress lines with elapsed time: "[n8n:install +12.3s] message".
function createLog(tag) {
	const t0 = Date.now();
	const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
	const log = (msg) => process.stdout.write(`[${tag} +${elapsed()}] ${msg}\n`);
	log.error = (msg) => process.stderr.write(`[${tag} +${elapsed()}] ${msg}\n`);
	log.elapsed = elapsed;
	log.seconds = () => (Date.now() - t0) / 1000;
	return log;
}

/** Formats a duration in seconds as "2m 05s" or "4.2s". */
function formatDuration(seconds) {
	if (seconds < 60) return `${seconds.toFixed(1)}s`;
	const m = Math.floor(seconds / 60);
	const s = Math.round(seconds - m * 60);
	return `${m}m ${String(s).padStart(2, '0')}s`;
}

module.exports = { createLog, formatDuration };
