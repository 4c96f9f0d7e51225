'use strict';

const { FaultQueue } = require('./faults');
const { SimulatorState } = require('./state');
const { Traffic } = require('./traffic');
const { defaultVariants } = require('./variants');

/**
 * @typedef {object} SimulatorConfig
 * @property {number} ttlSeconds lifetime of new mailboxes
 * @property {number} latencyMs added to every /api request
 * @property {string | null} publicBaseUrl origin written into attachment URLs; null: the simulator's own
 */

/** Everything a request handler may touch, in one place. */
class Simulator {
	/**
	 * @param {{ ttlSeconds: number, latencyMs: number, publicBaseUrl?: string | null, defaultKey?: string, clock?: () => number }} options
	 */
	constructor({ ttlSeconds, latencyMs, publicBaseUrl = null, defaultKey, clock = Date.now }) {
		this.clock = clock;
		/** @type {SimulatorConfig} */
		this.initialConfig = { ttlSeconds, latencyMs, publicBaseUrl };
		/** @type {SimulatorConfig} */
		this.config = { ...this.initialConfig };
		/** @type {import('./variants').Variants} */
		this.variants = defaultVariants();
		this.state = new SimulatorState({ clock, config: this.config });
		this.defaultKey = this.state.accounts.upsert({ key: defaultKey }).key;
		this.faults = new FaultQueue();
		this.traffic = new Traffic();
		/** Set once the server listens. */
		this.ownUrl = '';
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
	}

	/** @returns {string} */
	publicBaseUrl() {
		return this.config.publicBaseUrl ?? this.ownUrl;
	}

	/**
	 * Timers are tracked so close() can cancel them: a pending delay must not keep jest alive.
	 * @param {number} ms
	 * @returns {Promise<void>}
	 */
	sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	cancelTimers() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	/** Back to a fresh start; the default account (and its key) stays, with its quota reset. */
	reset() {
		this.state.reset(this.defaultKey);
		this.faults.clear();
		this.traffic.clear();
		Object.assign(this.config, this.initialConfig);
		this.variants = defaultVariants();
	}
}

module.exports = { Simulator };
