// Types for TypeScript tests. The simulator itself is plain CommonJS with JSDoc;
// keep this file in step with index.js, client.js and the control routes.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

export interface StartOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** Lifetime of new mailboxes, default 600. */
	ttlSeconds?: number;
	/** Added to every /api request, default 0. */
	latencyMs?: number;
	/** Key of the account created at start; random if omitted. */
	defaultKey?: string;
	/** Origin written into attachment URLs; default the simulator's own URL. */
	publicBaseUrl?: string | null;
	/** Epoch milliseconds; default Date.now. */
	clock?: () => number;
}

export interface RunningSimulator {
	url: string;
	port: number;
	defaultKey: string;
	/** Stops listening and destroys open sockets. */
	close(): Promise<void>;
	/** In-process accounts, mailboxes and messages (see state.js). */
	state: Record<string, unknown>;
	/** Config, fault queue and traffic (see simulator.js). */
	simulator: Record<string, unknown>;
}

export function startSimulator(options?: StartOptions): Promise<RunningSimulator>;

/** SHA-256 (hex) of a generated attachment `{size, seed}`, computed without the server. */
export function generatedAttachmentSha256(size: number, seed: string | number): string;
export function generatedAttachmentStream(size: number, seed: string | number): Readable;
export function generatedAttachmentBytes(size: number, seed: string | number): Buffer;

export interface MailboxData {
	id: number;
	email: string;
	domain: string;
	expire_at: string;
	expires_in_seconds: number;
	created_at: string;
	email_token: string;
}

export interface AttachmentData {
	name: string;
	extension: string;
	size: number;
	url: string;
}

export interface MessageData {
	is_seen: boolean;
	subject: string;
	from: string;
	from_email: string;
	to: string;
	receivedAt: string;
	id: string;
	html: boolean;
	content: string;
	attachments: AttachmentData[];
}

export interface AttachmentSpec {
	name: string;
	contentType?: string;
	contentBase64?: string;
	text?: string;
	size?: number;
	seed?: string | number;
}

export interface MessageSpec {
	id?: string;
	subject?: string;
	from?: string;
	fromEmail?: string;
	content?: string;
	html?: boolean;
	/** Epoch ms, ISO string, or "YYYY-MM-DD HH:mm:ss" (UTC). */
	receivedAt?: string | number;
	attachments?: AttachmentSpec[];
}

export type ErrorShape = 'status-message' | 'errors' | 'message-errors' | 'message' | 'error';

export type FaultSpec =
	| {
			kind: 'status';
			status: number;
			message?: string;
			retryAfter?: number;
			retryAfterDate?: boolean;
			shape?: ErrorShape;
			field?: string;
	  }
	| { kind: 'status-false'; message?: string; retryAfter?: number }
	| { kind: 'malformed'; status?: number }
	| { kind: 'html'; status?: number; retryAfter?: number }
	| { kind: 'body'; status?: number; contentType?: string; body: unknown; retryAfter?: number }
	| { kind: 'delay'; ms: number }
	| { kind: 'drop' }
	| { kind: 'cut' };

export interface FaultFilter {
	method?: string;
	/** Matched against the raw request path, e.g. "/api/messages". */
	pathPrefix?: string;
}

export interface AccountInfo {
	key: string;
	quotaLimit: number;
	used: number;
	remaining: number;
	allowedTypes: string[];
	resetAt: string;
}

export interface LoggedRequest {
	method: string;
	rawPath: string;
	segments: string[] | null;
	query: Record<string, string>;
	authorization: string | null;
	headers: IncomingHttpHeaders;
	at: string;
}

export interface TrafficStats {
	inFlight: number;
	maxInFlight: number;
	requests: number;
}

export interface SimulatorConfig {
	latencyMs: number;
	ttlSeconds: number;
	publicBaseUrl: string;
}

/** The freedoms API.md leaves to a real server (see variants.js); all off after a reset. */
export interface Variants {
	order: 'newest' | 'oldest' | 'shuffled';
	identicalStamps: boolean;
	clockSkewMs: number;
	extraFields: boolean;
	jitterMs: number;
	attachmentRedirect: string | null;
	omittedType: 'free' | 'plan';
}

export class SimulatorControl {
	constructor(url: string);
	createAccount(options?: {
		key?: string;
		quotaLimit?: number;
		allowedTypes?: string[];
		used?: number;
		resetAt?: string | number;
	}): Promise<AccountInfo>;
	createMailbox(options?: {
		key?: string;
		email?: string;
		ttlSeconds?: number;
	}): Promise<MailboxData>;
	deliver(email: string, message?: MessageSpec): Promise<MessageData>;
	expire(email: string): Promise<{ expired: string }>;
	injectFaults(
		faults:
			| (FaultSpec & FaultFilter & { count?: number })
			| Array<FaultSpec & FaultFilter & { count?: number }>,
		filter?: FaultFilter,
	): Promise<{ queued: number; pending: number }>;
	clearFaults(): Promise<{ pending: number }>;
	requests(): Promise<LoggedRequest[]>;
	clearRequests(): Promise<TrafficStats>;
	stats(): Promise<TrafficStats>;
	config(changes?: {
		latencyMs?: number;
		ttlSeconds?: number;
		publicBaseUrl?: string | null;
	}): Promise<SimulatorConfig>;
	variants(changes?: Partial<Variants>): Promise<Variants>;
	reset(): Promise<{ defaultKey: string }>;
	signUp(
		email: string,
		delayMs?: number,
	): Promise<{ accepted: boolean; email: string; deliversInMs: number }>;
	signUps(): Promise<Array<{ email: string; code: string; link: string; sentAt: string }>>;
}
