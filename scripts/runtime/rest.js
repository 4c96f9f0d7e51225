'use strict';
// A small client for n8n's internal REST API (the one the editor uses), on Node's fetch.
// Keeps the `n8n-auth` cookie and sends a fixed `browser-id` header: n8n binds the
// session cookie to the browser id it was issued for and rejects calls without it.
const crypto = require('node:crypto');
const path = require('node:path');

const { PROFILE } = require('./versions');

const OWNER = Object.freeze({
	email: 'owner@example.com',
	// n8n's rules: 8-64 characters, at least one digit and one uppercase letter.
	password: 'TempMail-Local-2041',
	firstName: 'Temp',
	lastName: 'Mail',
});

class N8nRestError extends Error {
	constructor(method, url, status, body) {
		const detail = typeof body === 'string' ? body : JSON.stringify(body);
		super(`${method} ${url} -> HTTP ${status}: ${String(detail).slice(0, 2000)}`);
		this.status = status;
		this.body = body;
	}
}

/** flatted.parse from the runtime's own copy (n8n depends on flatted). */
function loadFlatted(runtime) {
	return require(path.join(runtime.n8nPrefix, 'node_modules', 'flatted'));
}

class N8nRest {
	/**
	 * @param {string} baseUrl e.g. http://127.0.0.1:5678
	 * @param {{ runtime?: { n8nPrefix: string } }} [options] runtime: to decode execution data
	 */
	constructor(baseUrl, options = {}) {
		this.baseUrl = baseUrl.replace(/\/+$/, '');
		this.runtime = options.runtime;
		this.browserId = crypto.randomUUID();
		/** @type {Map<string, string>} */
		this.cookies = new Map();
	}

	/**
	 * @param {string} method
	 * @param {string} urlPath e.g. /rest/login
	 * @param {{ body?: unknown, query?: Record<string, string | number | boolean>, expect?: number[] }} [options]
	 * @returns {Promise<{ status: number, body: any }>} body unwrapped from `{ data }` when present
	 */
	async raw(method, urlPath, { body, query, expect } = {}) {
		const url = new URL(this.baseUrl + urlPath);
		for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
		const headers = { accept: 'application/json', 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size)
			headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		for (const cookie of res.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(cookie))
				this.cookies.set(name, value);
			else this.cookies.delete(name);
		}
		const text = await res.text();
		let parsed = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		const ok = expect ? expect.includes(res.status) : res.status >= 200 && res.status < 300;
		if (!ok) throw new N8nRestError(method, urlPath, res.status, parsed);
		const unwrapped =
			parsed && typeof parsed === 'object' && 'data' in parsed && Object.keys(parsed).length === 1
				? parsed.data
				: parsed;
		return { status: res.status, body: unwrapped };
	}

	async get(urlPath, query) {
		return (await this.raw('GET', urlPath, { query })).body;
	}

	async post(urlPath, body) {
		return (await this.raw('POST', urlPath, { body: body ?? {} })).body;
	}

	async patch(urlPath, body) {
		return (await this.raw('PATCH', urlPath, { body })).body;
	}

	// -- owner and session -------------------------------------------------------

	/** Whether the instance still shows the owner-setup screen. */
	async needsOwnerSetup() {
		const settings = await this.get('/rest/settings');
		return Boolean(settings?.userManagement?.showSetupOnFirstLoad);
	}

	async setupOwner(owner = OWNER) {
		return await this.post('/rest/owner/setup', owner);
	}

	async login(email = OWNER.email, password = OWNER.password) {
		return await this.post('/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Creates the owner on a fresh instance, or logs in as them. */
	async ensureOwner(owner = OWNER) {
		if (await this.needsOwnerSetup()) {
			await this.setupOwner(owner);
			return 'created';
		}
		await this.login(owner.email, owner.password);
		return 'logged-in';
	}

	// -- node types --------------------------------------------------------------

	/** Descriptions of every loaded node type (what the editor loads at start). */
	async nodeTypes() {
		return await this.get('/types/nodes.json');
	}

	async credentialTypes() {
		return await this.get('/types/credentials.json');
	}

	// -- credentials -------------------------------------------------------------

	async listCredentials() {
		return await this.get('/rest/credentials');
	}

	/** With includeData, secrets come back redacted, as the editor receives them. */
	async getCredential(id, includeData = false) {
		return await this.get(
			`/rest/credentials/${encodeURIComponent(id)}`,
			includeData ? { includeData: true } : undefined,
		);
	}

	async createCredential({ name, type, data }) {
		return await this.post('/rest/credentials', { name, type, data });
	}

	/**
	 * The editor's "Test connection" (POST /rest/credentials/test). n8n 2.41 tests a
	 * stored credential: `id` must exist; `data` (may hold redacted values, which n8n
	 * fills from the stored credential) overrides the stored data.
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredential({ id, name, type, data }) {
		return await this.post('/rest/credentials/test', {
			credentials: { id, name: name ?? '', type, data },
		});
	}

	// -- workflows and executions -------------------------------------------------

	async getWorkflow(id) {
		return await this.get(`/rest/workflows/${encodeURIComponent(id)}`);
	}

	/** Created inactive unless it says otherwise (n8n 1.x requires `active`). */
	async createWorkflow(workflow) {
		return await this.post('/rest/workflows', { active: false, ...workflow });
	}

	/** Activates (publishes) a workflow; needs the versionId from create/get. */
	async activateWorkflow(id, versionId) {
		const activate = async (version) =>
			await this.post(`/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId: version });
		try {
			return await activate(versionId);
		} catch (err) {
			if (!(PROFILE.importRecordsNoVersion && err instanceof N8nRestError && err.status === 404))
				throw err;
		}
		// n8n 2.0.x's `import:workflow` records no version in the workflow history, and only a
		// recorded version can be published: save the workflow once more, as the editor does
		// after a change (n8n records a version only when nodes or connections changed: the
		// first node moves by one pixel), and publish that version.
		const current = await this.getWorkflow(id);
		const nodes = current.nodes.map((node, index) =>
			index === 0 ? { ...node, position: [node.position[0], node.position[1] + 1] } : node,
		);
		const saved = await this.patch(`/rest/workflows/${encodeURIComponent(id)}`, {
			nodes,
			versionId: current.versionId,
		});
		return await activate(saved.versionId);
	}

	async deactivateWorkflow(id) {
		return await this.post(`/rest/workflows/${encodeURIComponent(id)}/deactivate`);
	}

	/** Runs a saved workflow from its trigger node, like the editor's "Execute workflow". */
	async runWorkflow(id, triggerNodeName) {
		// Before 2.x's ManualRunDto, n8n ran the workflow the editor sent, not the stored one.
		const workflowData = PROFILE.manualRunSendsWorkflow ? await this.getWorkflow(id) : undefined;
		return await this.post(`/rest/workflows/${encodeURIComponent(id)}/run`, {
			...(workflowData ? { workflowData } : {}),
			triggerToStartFrom: { name: triggerNodeName },
		});
	}

	/** GET /rest/executions (at most 100 per call). */
	async listExecutions({ workflowId, limit = 100 } = {}) {
		const query = { limit };
		if (workflowId) query.filter = JSON.stringify({ workflowId });
		const body = await this.get('/rest/executions', query);
		return Array.isArray(body) ? body : (body?.results ?? []);
	}

	/** One execution with its run data decoded from flatted into `data`. */
	async getExecution(id) {
		const execution = await this.get(`/rest/executions/${encodeURIComponent(id)}`);
		if (execution && typeof execution.data === 'string') {
			if (!this.runtime) throw new Error('N8nRest needs { runtime } to decode execution data');
			execution.data = loadFlatted(this.runtime).parse(execution.data);
		}
		return execution;
	}

	/**
	 * Polls an execution until it has finished and its run data is the final one.
	 * n8n 1.x on its default SQLite (no pool) writes an execution's status and its run data
	 * in two statements outside a transaction, so a read between them sees "success" with
	 * the data the execution started with (seen in CI as `data` missing, and as a run in
	 * which only the trigger had run).
	 */
	async waitForExecution(id, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.getExecution(id);
			if (isFinished(execution) && hasFinalRunData(execution)) return execution;
			if (Date.now() > deadline) {
				const state = isFinished(execution)
					? 'finished without its final run data'
					: execution?.status;
				throw new Error(`execution ${id} still ${state} after ${timeoutMs / 1000} s`);
			}
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

function isFinished(execution) {
	return (
		!!execution &&
		!['new', 'running', 'waiting'].includes(execution.status) &&
		execution.finished !== undefined
	);
}

/** A finished run names the node it ended at, or the error that stopped it before any node. */
function hasFinalRunData(execution) {
	if (execution.status === 'canceled') return true;
	const result = execution.data?.resultData;
	return !!result && (result.lastNodeExecuted !== undefined || result.error !== undefined);
}

module.exports = { N8nRest, N8nRestError, OWNER, loadFlatted };
