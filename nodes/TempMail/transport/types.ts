import type {
	BinaryHelperFunctions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { Target } from './errors';
import type { RetrySettings } from './retryPolicy';
import type { RequestSlots } from './slots';

type TempMailFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * Who calls the API and how: the node's context, the item (for errors and credentials) and
 * the retry settings resolved once from Request Options by the router, the trigger or a
 * dropdown. The transport never reads node parameters itself.
 */
export interface ApiCall {
	ctx: TempMailFunctions;
	retry: RetrySettings;
	itemIndex?: number;
	/** The execution's cancel signal: a wait between retries ends with it. */
	signal?: AbortSignal;
	/** Shared by all requests of a node run or poll: at most Concurrency open at once. */
	slots?: RequestSlots;
}

export interface TempMailRequest {
	method: IHttpRequestMethods;
	/** Built with apiPath(), so every user value is one encoded segment. */
	path: string;
	qs?: IDataObject;
	target?: Target;
}

/** Every endpoint answers the same way: the parsed body (or the download) and the headers. */
export interface ApiAnswer<T> {
	data: T;
	headers: IDataObject;
}

/** A byte stream as n8n's binary helpers accept it (community nodes may not import 'stream'). */
export type ByteStream = Exclude<Parameters<BinaryHelperFunctions['prepareBinaryData']>[0], Buffer>;

/** Shapes of the API's answers, as documented (see shared API contract). */
export interface ApiDomain {
	domain: string;
	type: string;
	custom: boolean;
}

export interface ApiDomains {
	requested_type: string;
	allowed_types: string[];
	domains: ApiDomain[];
}

export interface ApiMailbox {
	id: number | string;
	email: string;
	domain: string;
	expire_at: string;
	expires_in_seconds: number;
	created_at: string;
	email_token: string;
}

export interface ApiAttachment {
	name: string;
	extension: string;
	size: number;
	url: string;
}

export interface ApiMessage {
	id: string;
	is_seen: boolean;
	subject: string;
	from: string;
	from_email: string;
	to: string;
	receivedAt: string;
	html: boolean;
	content: string;
	attachments: ApiAttachment[];
}

export interface ApiMessageList {
	mailbox: string;
	messages: ApiMessage[];
}
