/**
 * Process environment for the in-process n8n engine.
 *
 * This module has NO n8n imports on purpose: it must run before `n8n-core` (and the
 * `@n8n/config` classes it instantiates) read `process.env`. Every harness module that
 * imports `n8n-core` imports this file first, and test files should import the harness
 * (`./harness`) before `n8n-core` themselves.
 *
 * One temporary root per jest test file (jest gives every test file its own module
 * registry, so this module is evaluated once per file).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary root for this test file: user folder and binary data live below it. */
export const HARNESS_ROOT = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));

/** `N8N_USER_FOLDER`: n8n keeps its `.n8n` folder (instance settings) below it. */
export const USER_FOLDER = path.join(HARNESS_ROOT, 'user');

/** Where filesystem-mode binary data is written. */
export const BINARY_DATA_PATH = path.join(HARNESS_ROOT, 'binary-data');

mkdirSync(USER_FOLDER, { recursive: true });
mkdirSync(BINARY_DATA_PATH, { recursive: true });

const harnessEnv: Record<string, string> = {
	N8N_USER_FOLDER: USER_FOLDER,
	N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
	N8N_BINARY_DATA_STORAGE_PATH: BINARY_DATA_PATH,
	// Without this, BinaryDataConfig would want a database to seed its signing secret.
	N8N_BINARY_DATA_SIGNING_SECRET: 'n8n-harness-binary-signing-secret',
	N8N_ENCRYPTION_KEY: 'n8n-harness-encryption-key',
	// Legacy (in-process) expression engine: isolated-vm is not built for Node 20.
	N8N_EXPRESSION_ENGINE: 'legacy',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_LOG_LEVEL: 'debug',
	N8N_LOG_OUTPUT: 'console',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	N8N_RUNNERS_ENABLED: 'false',
	// Tests talk to servers on 127.0.0.1; never route them through a proxy.
	NO_PROXY: '127.0.0.1,localhost,::1',
	no_proxy: '127.0.0.1,localhost,::1',
};

for (const [key, value] of Object.entries(harnessEnv)) {
	process.env[key] = value;
}
