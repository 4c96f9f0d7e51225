import type { BinaryHelperFunctions } from 'n8n-workflow';

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
