import type { ApiMessage } from '../transport/types';

export interface MessageFilters {
	fromContains?: string;
	subjectContains?: string;
	bodyContains?: string;
	/** A regular expression tested against the subject and the body. */
	pattern?: string;
}

export type MessagePredicate = (message: ApiMessage) => boolean;

/** A user's regular expression, or the reason it cannot be used. */
export function compilePattern(
	source: string,
	flags = 'i',
): { regex: RegExp } | { problem: string } {
	try {
		return { regex: new RegExp(source, flags) };
	} catch (error) {
		return {
			problem: `the regular expression "${source}" is not valid: ${(error as Error).message}`,
		};
	}
}

/**
 * Builds the filter once per execution. Text filters are case-insensitive
 * substring matches; an invalid pattern comes back as a problem for the node to report.
 */
export function messageFilter(
	filters: MessageFilters,
): { accept: MessagePredicate } | { problem: string } {
	const from = filters.fromContains?.trim().toLowerCase();
	const subject = filters.subjectContains?.trim().toLowerCase();
	const body = filters.bodyContains?.trim().toLowerCase();
	let pattern: RegExp | undefined;
	if (filters.pattern?.trim()) {
		const compiled = compilePattern(filters.pattern.trim());
		if ('problem' in compiled) return compiled;
		pattern = compiled.regex;
	}
	const accept: MessagePredicate = (message) => {
		if (from && !`${message.from} <${message.from_email}>`.toLowerCase().includes(from))
			return false;
		if (subject && !message.subject.toLowerCase().includes(subject)) return false;
		if (body && !message.content.toLowerCase().includes(body)) return false;
		if (pattern && !pattern.test(message.subject) && !pattern.test(message.content)) return false;
		return true;
	};
	return { accept };
}
