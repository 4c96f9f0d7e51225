/**
 * One-time setup of the n8n-core services a workflow run touches:
 * - the capturing logger (LoggerProxy + DI `Logger`);
 * - the legacy expression engine (isolated-vm is not available on Node 20);
 * - n8n-core's real `BinaryDataService` in filesystem mode, registered in the DI
 *   container n8n-core reads.
 *
 * `env-vars` is imported first so `N8N_USER_FOLDER` etc. are set before n8n-core loads.
 */
import { BINARY_DATA_PATH, HARNESS_ROOT, USER_FOLDER } from './env-vars';

import { rmSync } from 'node:fs';
import { BinaryDataConfig, BinaryDataService, ErrorReporter } from 'n8n-core';
import { Expression, LoggerProxy } from 'n8n-workflow';

import { BackendLogger, Container } from './di';
import { CapturingLogger } from './logger';

export interface HarnessEnvironment {
	/** Temporary root of this test file (removed after the file's tests). */
	root: string;
	/** Value of `N8N_USER_FOLDER`. */
	userFolder: string;
	/** Folder below which filesystem-mode binary files are written. */
	binaryDataPath: string;
	/** The service nodes reach through `this.helpers.prepareBinaryData` etc. */
	binaryDataService: BinaryDataService;
	/** The logger all n8n log lines go to. */
	logger: CapturingLogger;
}

/** Shared by every run of this test file; each run reports only its own slice. */
export const harnessLogger = new CapturingLogger();

// Wire the logger synchronously at import, so even log lines emitted while other
// n8n-core services are constructed are captured.
LoggerProxy.init(harnessLogger);
Container.set(BackendLogger, harnessLogger as unknown as InstanceType<typeof BackendLogger>);
Expression.setExpressionEngine('legacy');

let environmentPromise: Promise<HarnessEnvironment> | undefined;

/**
 * Initialises the environment once per test file (memoised); every harness entry point
 * awaits it, so tests need not call it themselves.
 */
export async function ensureEnvironment(): Promise<HarnessEnvironment> {
	environmentPromise ??= initEnvironment();
	return await environmentPromise;
}

async function initEnvironment(): Promise<HarnessEnvironment> {
	// Built by DI (it reads env through @n8n/config); the execution engine reads `mode`
	// from this very instance (`convertBinaryData`), so configure it in place.
	const config = Container.get(BinaryDataConfig);
	config.mode = 'filesystem';
	config.availableModes = ['filesystem'];
	config.localStoragePath = BINARY_DATA_PATH;

	const errorReporter = Container.get(ErrorReporter);
	const binaryDataService = new BinaryDataService(
		config,
		errorReporter,
		harnessLogger as unknown as InstanceType<typeof BackendLogger>,
	);
	await binaryDataService.init();
	Container.set(BinaryDataService, binaryDataService);

	if (Container.get(BinaryDataService) !== binaryDataService) {
		throw new Error('test harness: BinaryDataService registration missed n8n-core DI container');
	}

	return {
		root: HARNESS_ROOT,
		userFolder: USER_FOLDER,
		binaryDataPath: BINARY_DATA_PATH,
		binaryDataService,
		logger: harnessLogger,
	};
}

/** Removes this test file's temporary folder. Registered with jest's `afterAll`. */
export function cleanupEnvironment(): void {
	rmSync(HARNESS_ROOT, { recursive: true, force: true });
}

if (typeof afterAll === 'function') {
	try {
		afterAll(() => cleanupEnvironment());
	} catch {
		// Imported from inside a running test: the caller cleans up (or the OS tmp reaper).
	}
}
