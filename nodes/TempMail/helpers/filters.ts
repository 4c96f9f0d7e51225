import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { compileUserPattern } from '../extract';
import type { ApiMessage } from '../transport/types';

export interface MessageFilters {
	fromContains?: string;
	subjectContains?: string;
	bodyContains?: string;
	/** A regular expression tested against the subject and the body. */
	pattern?: string;
}

export type MessagePredicate = (message: ApiMessage) => boolean;

/**
 * Builds the filter once per execution. Text filters are case-insensitive
 * substring matches; the pattern is compiled by the same function that runs the Code and
 * Link Patterns (extract/pattern.ts), and an invalid one comes back as a problem for the
 * node to report.
 */
export function messageFilter(
	filters: MessageFilters,
): { accept: MessagePredicate } | { problem: string } {
	const from = filters.fromContains?.trim().toLowerCase();
	const subject = filters.subjectContains?.trim().toLowerCase();
	const body = filters.bodyContains?.trim().toLowerCase();
	let pattern: RegExp | undefined;
	if (filters.pattern?.trim()) {
		try {
			pattern = compileUserPattern(filters.pattern.trim(), 'Filters → Regular Expression');
		} catch (error) {
			return { problem: (error as Error).message };
		}
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

/** The filters as a predicate; an unusable Regular Expression is the node's error, before any request. */
export function messagePredicate(
	node: INode,
	filters: MessageFilters,
	itemIndex?: number,
): MessagePredicate {
	const filter = messageFilter(filters);
	if ('problem' in filter) {
		throw new NodeOperationError(node, filter.problem, {
			itemIndex,
			description: 'Fix or clear the Regular Expression filter.',
		});
	}
	return filter.accept;
}
