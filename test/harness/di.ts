/**
 * The DI container and DI tokens exactly as n8n-core sees them.
 *
 * `Container.get(X)` matches by class identity. If the project's tree ever held a second
 * copy of `@n8n/di` (or `@n8n/backend-common`), importing it by name from the test would
 * register services in a container n8n-core never reads, and binary data would silently
 * fall back to inline base64. So both are loaded from the paths n8n-core itself resolves.
 */
import './env-vars';

import type * as DiModule from '@n8n/di';
import type * as BackendCommonModule from '@n8n/backend-common';

const n8nCoreEntry = require.resolve('n8n-core');

function requireFromN8nCore<T>(request: string): T {
	const resolved = require.resolve(request, { paths: [n8nCoreEntry] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(resolved) as T;
}

/** `Container` of the `@n8n/di` copy that n8n-core uses. */
export const Container: typeof DiModule.Container =
	requireFromN8nCore<typeof DiModule>('@n8n/di').Container;

/** `Logger` class (DI token) of the `@n8n/backend-common` copy that n8n-core uses. */
export const BackendLogger: typeof BackendCommonModule.Logger =
	requireFromN8nCore<typeof BackendCommonModule>('@n8n/backend-common').Logger;

/** Absolute paths, for diagnostics. */
export const resolvedPaths = {
	n8nCore: n8nCoreEntry,
	di: require.resolve('@n8n/di', { paths: [n8nCoreEntry] }),
	backendCommon: require.resolve('@n8n/backend-common', { paths: [n8nCoreEntry] }),
};
