// Types for the TypeScript end-to-end tests. The runtime helpers are plain CommonJS;
// keep this file in step with index.js and the modules it re-exports.

export const PROJECT_ROOT: string;
export const PROJECT_LINK: string;
export const RUNTIME_KEY: string;
export const N8N_VERSION: string;
export const NODE_VERSION: string;
export const DEFAULT_N8N_VERSION: string;

/** A supported n8n version and what it needs (scripts/runtime/versions.js). */
export interface RuntimeProfile {
	n8n: string;
	node: string;
	nativeModules: string[];
	npmOverrides: Record<string, string>;
	disabledModules?: string;
	executePrintsRunning: boolean;
	durableScheduler: boolean;
	manualRunSendsWorkflow: boolean;
	importRecordsNoVersion: boolean;
}
/** Newest first. */
export const SUPPORTED: RuntimeProfile[];
/** The runtime this process uses (TEMPMAIL_N8N_VERSION, default the newest). */
export const PROFILE: RuntimeProfile;
export function profileFor(version: string): RuntimeProfile;

export interface RuntimePaths {
	dir: string;
	marker: string;
	nodeDir: string;
	nodeBinDir: string;
	node: string;
	n8nPrefix: string;
	n8nPackageDir: string;
	n8nBin: string;
}

export interface InstalledRuntime extends RuntimePaths {
	/** The parsed runtime.json marker. */
	installed: {
		n8n: string;
		node: string;
		installedAt: string;
		installSeconds: number;
		bytes: number | null;
	};
}

export function cacheRoot(): string;
export function runtimePaths(dir?: string): RuntimePaths;
/** The complete runtime, or null when missing or half-installed. */
export function installedRuntime(): InstalledRuntime | null;
/** Throws "run npm run n8n:install" when the runtime is missing. */
export function requireRuntime(): InstalledRuntime;
/** Installs when missing (minutes), links `.n8n-runtime`, returns the paths. */
export function ensureRuntime(): Promise<InstalledRuntime>;

export interface N8nEnvOptions {
	runtime: RuntimePaths;
	userFolder: string;
	port: number;
	brokerPort: number;
	logLevel?: string;
	inheritN8nEnv?: boolean;
	extra?: Record<string, string>;
}
export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv;
/** A folder n8n's file nodes may write to (N8N_RESTRICT_FILE_ACCESS_TO); created on use. */
export const ATTACHMENTS_FOLDER: string;
export function encryptionKeyFor(userFolder: string): string;

export function linkPackage(options: {
	userFolder: string;
	mode?: 'pack' | 'symlink';
	projectRoot?: string;
}): { packageDir: string; name: string; version: string; mode: string };

export interface GroupMember {
	pid: number;
	ppid: number;
	state: string;
	cmd: string;
	/** bytes */
	rss: number;
}
export function groupMembers(pgid: number): GroupMember[];

export interface StartN8nOptions {
	runtime: RuntimePaths;
	userFolder: string;
	port: number;
	brokerPort: number;
	logFile: string;
	onLine?: (line: string) => void;
	logLevel?: string;
	inheritN8nEnv?: boolean;
	extraEnv?: Record<string, string>;
	readyTimeoutMs?: number;
	/** 'worker' starts `n8n worker` (queue mode); readiness is asked on `port`. */
	command?: 'start' | 'worker';
}

export interface RunningN8n {
	pid: number;
	port: number;
	/** http://localhost:<port>, for people */
	url: string;
	/** http://127.0.0.1:<port>, for REST clients */
	apiUrl: string;
	logFile: string;
	env: NodeJS.ProcessEnv;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	startupSeconds: number;
	processes(): GroupMember[];
	rssBytes(): number;
	stop(graceMs?: number): Promise<'exited' | 'killed' | 'not-running'>;
	/** Signals n8n's whole process group; false when it is gone. */
	signal(signal: NodeJS.Signals): boolean;
	tail(lines?: number): string;
}
export function startN8n(options: StartN8nOptions): Promise<RunningN8n>;

export interface CliOptions {
	runtime: RuntimePaths;
	userFolder: string;
	timeoutMs?: number;
	logLevel?: string;
}
export interface CliResult {
	args: string[];
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	seconds: number;
}
export function runN8nCli(options: CliOptions, args: string[]): Promise<CliResult>;
export function runN8nCliOk(options: CliOptions, args: string[]): Promise<CliResult>;
export function importCredentials(
	options: CliOptions,
	credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
): Promise<CliResult>;
export function importWorkflows(
	options: CliOptions,
	workflows: object | object[],
): Promise<CliResult>;
/** The part of n8n's run data (IRunExecutionData) the tests read. */
export interface RunExecutionData {
	resultData?: {
		error?: { message?: string; [key: string]: unknown };
		lastNodeExecuted?: string;
		runData?: Record<
			string,
			Array<{
				executionStatus?: string;
				error?: { message?: string; [key: string]: unknown };
				data?: {
					main?: Array<Array<{
						json: Record<string, unknown>;
						binary?: Record<string, unknown>;
					}> | null>;
				};
			}>
		>;
	};
}

/** What `n8n execute --rawOutput` prints (IRun). */
export interface N8nRun {
	status?: string;
	mode?: string;
	finished?: boolean;
	data: RunExecutionData;
}

/** `n8n execute --id --rawOutput`; `data` is the run (null if none was printed). */
export function executeWorkflow(
	options: CliOptions,
	workflowId: string,
): Promise<CliResult & { data: N8nRun | null }>;
export function parseRawOutput(stdout: string): unknown;

export function freePort(host?: string): Promise<number>;
export function portIsFree(port: number, host?: string): Promise<boolean>;

export const OWNER: Readonly<{
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}>;

export class N8nRestError extends Error {
	status: number;
	body: unknown;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	icon?: unknown;
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string; required?: boolean }>;
	[key: string]: unknown;
}

export interface CredentialTypeDescription {
	name: string;
	displayName: string;
	iconUrl?: string | { light: string; dark: string };
	properties: Array<{ name: string; type: string; [key: string]: unknown }>;
	[key: string]: unknown;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** With includeData: secrets redacted as the editor receives them. */
	data?: Record<string, unknown>;
	[key: string]: unknown;
}

/** GET /rest/executions/:id with `data` decoded from flatted. */
export interface N8nExecution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	workflowId?: string;
	data: RunExecutionData;
	[key: string]: unknown;
}

export class N8nRest {
	constructor(baseUrl: string, options?: { runtime?: { n8nPrefix: string } });
	baseUrl: string;
	browserId: string;
	cookies: Map<string, string>;
	raw(
		method: string,
		urlPath: string,
		options?: {
			body?: unknown;
			query?: Record<string, string | number | boolean>;
			expect?: number[];
		},
	): Promise<{ status: number; body: unknown }>;
	get(urlPath: string, query?: Record<string, string | number | boolean>): Promise<unknown>;
	post(urlPath: string, body?: unknown): Promise<unknown>;
	patch(urlPath: string, body?: unknown): Promise<unknown>;
	needsOwnerSetup(): Promise<boolean>;
	setupOwner(owner?: typeof OWNER): Promise<unknown>;
	login(email?: string, password?: string): Promise<unknown>;
	ensureOwner(owner?: typeof OWNER): Promise<'created' | 'logged-in'>;
	nodeTypes(): Promise<NodeTypeDescription[]>;
	credentialTypes(): Promise<CredentialTypeDescription[]>;
	listCredentials(): Promise<StoredCredential[]>;
	getCredential(id: string, includeData?: boolean): Promise<StoredCredential>;
	createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<StoredCredential>;
	testCredential(credential: {
		id: string;
		name?: string;
		type: string;
		data?: Record<string, unknown>;
	}): Promise<CredentialTestResult>;
	getWorkflow(id: string): Promise<{
		id: string;
		name: string;
		versionId: string;
		active: boolean;
		nodes: object[];
		[key: string]: unknown;
	}>;
	createWorkflow(
		workflow: object,
	): Promise<{ id: string; versionId: string; [key: string]: unknown }>;
	activateWorkflow(id: string, versionId: string): Promise<unknown>;
	deactivateWorkflow(id: string): Promise<unknown>;
	runWorkflow(id: string, triggerNodeName: string): Promise<{ executionId: string }>;
	listExecutions(options?: {
		workflowId?: string;
		limit?: number;
	}): Promise<
		Array<{ id: string; status: string; mode: string; workflowId: string; [key: string]: unknown }>
	>;
	getExecution(id: string): Promise<N8nExecution>;
	waitForExecution(id: string, timeoutMs?: number): Promise<N8nExecution>;
}

export interface RunningRedis {
	pid: number;
	port: number;
	host: string;
	logFile: string;
	stop(): Promise<'exited' | 'killed' | 'not-running'>;
}
/** redis-server's path; installs Debian's package with apt-get when missing. */
export function ensureRedisServer(log?: (line: string) => void): string;
export function startRedis(options: {
	port: number;
	logFile: string;
	log?: (line: string) => void;
}): Promise<RunningRedis>;

export type S3CredentialData = {
	endpoint: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
	forcePathStyle: boolean;
	ignoreSSLIssues: boolean;
};
export interface RunningS3Server {
	url: string;
	port: number;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
	/** The fields of n8n's "S3" credential (type `s3`) for this server. */
	credentialData(): S3CredentialData;
	/** An object's bytes, or null when absent. */
	getObject(bucket: string, key: string): Promise<Buffer | null>;
	listKeys(bucket: string): Promise<string[]>;
	close(): Promise<void>;
}
/** A local S3-compatible store (s3rver) on 127.0.0.1; port 0 or absent: a free one. */
export function startS3Server(options: {
	directory: string;
	port?: number;
	buckets?: string[];
}): Promise<RunningS3Server>;

export interface QueueCluster {
	redis: RunningRedis;
	main: RunningN8n;
	workers: RunningN8n[];
	binaryDataMode: 'database' | 'filesystem';
	startupSeconds: number;
	startMain(): Promise<RunningN8n>;
	startWorker(index: number): Promise<RunningN8n>;
	memory(): Array<{ name: string; rssBytes: number }>;
	stop(): Promise<void>;
}
export function startQueueCluster(options: {
	runtime: RuntimePaths;
	userFolder: string;
	logDir: string;
	workers?: number;
	mainPort?: number;
	binaryDataMode?: 'database' | 'filesystem';
	inheritN8nEnv?: boolean;
	logLevel?: string;
	extraEnv?: Record<string, string>;
	log?: (line: string) => void;
}): Promise<QueueCluster>;
