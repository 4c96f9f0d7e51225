'use strict';

const {
	generatedAttachmentBytes,
	generatedAttachmentSha256,
	generatedAttachmentStream,
} = require('./attachments');
const { SimulatorControl } = require('./client');
const { createServer } = require('./server');
const { Simulator } = require('./simulator');

/**
 * @typedef {object} StartOptions
 * @property {number} [port] 0 (default) picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {number} [ttlSeconds] mailbox lifetime, default 600
 * @property {number} [latencyMs] added to every /api request, default 0
 * @property {string} [defaultKey] key of the account created at start; random if omitted
 * @property {string | null} [publicBaseUrl] origin for attachment URLs; default the simulator's own URL
 * @property {() => number} [clock] epoch ms; default Date.now
 *
 * @typedef {object} RunningSimulator
 * @property {string} url e.g. http://127.0.0.1:40123
 * @property {number} port
 * @property {string} defaultKey
 * @property {() => Promise<void>} close stops listening and destroys open sockets
 * @property {import('./state').SimulatorState} state
 * @property {Simulator} simulator config, faults and traffic, for in-process tests
 */

/**
 * @param {StartOptions} [options]
 * @returns {Promise<RunningSimulator>}
 */
async function startSimulator(options = {}) {
	const {
		port = 0,
		host = '127.0.0.1',
		ttlSeconds = 600,
		latencyMs = 0,
		defaultKey,
		publicBaseUrl,
		clock,
	} = options;
	const sim = new Simulator({ ttlSeconds, latencyMs, defaultKey, publicBaseUrl, clock });
	const server = createServer(sim);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	sim.ownUrl = `http://${urlHost}:${address.port}`;

	return {
		url: sim.ownUrl,
		port: address.port,
		defaultKey: sim.defaultKey,
		state: sim.state,
		simulator: sim,
		close() {
			sim.cancelTimers();
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

module.exports = {
	startSimulator,
	SimulatorControl,
	generatedAttachmentSha256,
	generatedAttachmentStream,
	generatedAttachmentBytes,
};
