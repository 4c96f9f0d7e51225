import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messagePredicate } from '../../helpers/filters';
import type { MessageFilters } from '../../helpers/filters';
import { mailboxAddress } from '../../helpers/validate';
import { runsAsTool } from '../../helpers/agent';
import { waitForMessage } from '../../helpers/waitForMessage';
import type { NewMailRule } from '../../helpers/waitForMessage';
import * as shared from '../../shared/descriptions';
import type { BinaryCall } from '../../helpers/attachments';
import { buildMessageItems, readMessageOutput } from '../../helpers/messageOutput';

const MAX_TIMEOUT_SECONDS = 1800;
const MIN_INTERVAL_SECONDS = 2;

const AGENT_TIMEOUT_HINT =
	'No matching email arrived yet. Call Wait For again with the same address to keep waiting (mail that arrives meanwhile stays unread and is returned then), or check that the address was entered exactly where the email was requested.';

const properties: INodeProperties[] = [
	shared.mailboxAddress,
	shared.messageFilters,
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
		default: 120,
		description:
			`How long to wait for a matching message, at most ${MAX_TIMEOUT_SECONDS} s ` +
			`(mailboxes usually expire after 600 s)`,
	},
	{
		displayName: 'Check Interval (Seconds)',
		name: 'interval',
		type: 'number',
		typeOptions: { minValue: MIN_INTERVAL_SECONDS },
		default: 5,
		description: 'Seconds between checks; each check is one API call',
	},
	{
		displayName: 'On Timeout',
		name: 'onTimeout',
		type: 'options',
		options: [
			{
				name: 'Fail With an Error',
				value: 'error',
				description: 'Stop the workflow with a clear error',
			},
			{
				name: 'Output a Timed-Out Item',
				value: 'output',
				description:
					'Output one item with timedOut: true so the workflow can branch (e.g. with an If node)',
			},
		],
		default: 'error',
	},
	{
		displayName: 'New Mail Is',
		name: 'newMail',
		type: 'options',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		options: [
			{
				name: 'Unread',
				value: 'unread',
				description:
					'A message nobody has read yet, even one that arrived just before this node started. The one returned is read (marked seen), so the next Wait For gets the next mail.',
			},
			{
				name: 'Arriving After Start',
				value: 'arrivingAfterStart',
				description: 'Only a message that was not in the mailbox at the first check, read or not',
			},
			{
				name: 'Any Message',
				value: 'any',
				description: 'Any matching message, including ones already there and already read',
			},
		],
		default: 'unread',
		description:
			'Which messages count. None of the choices compares clocks, so a Temp Mail clock hours off from n8n changes nothing. Of several, the newest is returned.',
	},
	shared.simplify,
	{
		...shared.messageOptions,
		options: [
			...(shared.messageOptions.options ?? []),
			{
				// Version 1 only: its "off" meant "received after the node starts", which version 2 calls
				// Arriving After Start (decided by the first listing, not by clocks).
				displayName: 'Accept Mail Already There',
				name: 'acceptExisting',
				type: 'boolean',
				displayOptions: { show: { '@version': [1] } },
				default: false,
				description:
					'Whether a matching message that arrived before this node started also counts; ' +
					'off, only mail received after the node starts matches',
			},
		],
	},
];

/** Version 1 kept its own switch; version 2 names the rule (see NewMailRule). */
function newMailRule(ctx: IExecuteFunctions, itemIndex: number): NewMailRule {
	if (ctx.getNode().typeVersion < 2) {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as { acceptExisting?: boolean };
		return options.acceptExisting === true ? 'any' : 'arrivingAfterStart';
	}
	const rule = ctx.getNodeParameter('newMail', itemIndex, 'unread') as string;
	if (rule === 'unread' || rule === 'arrivingAfterStart' || rule === 'any') return rule;
	throw new NodeOperationError(
		ctx.getNode(),
		`New Mail Is: must be Unread, Arriving After Start or Any Message, got "${rule}"`,
		{ itemIndex },
	);
}

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['waitFor'] } },
	properties,
);

function secondsParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	min: number,
	max: number,
	itemIndex: number,
): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex));
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: must be between ${min} and ${max} seconds, got ${String(value)}`,
			{ itemIndex },
		);
	}
	return value * 1000;
}

/** Waits on this item's mailbox until a matching message arrives, then outputs it like Get Many. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: BinaryCall,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const email = mailboxAddress(node, this.getNodeParameter('email', itemIndex), itemIndex);
	const accept = messagePredicate(
		node,
		this.getNodeParameter('filters', itemIndex, {}) as MessageFilters,
		itemIndex,
	);
	const timeoutMs = secondsParameter(this, 'timeout', 'Timeout', 1, MAX_TIMEOUT_SECONDS, itemIndex);
	const intervalMs = secondsParameter(
		this,
		'interval',
		'Check Interval',
		MIN_INTERVAL_SECONDS,
		MAX_TIMEOUT_SECONDS,
		itemIndex,
	);
	const newMail = newMailRule(this, itemIndex);
	const output = readMessageOutput(this, itemIndex);

	const outcome = await waitForMessage(call, {
		email,
		accept,
		newMail,
		timeoutMs,
		intervalMs,
	});
	if (outcome.found) return await buildMessageItems(call, outcome.message, output);

	const seconds = Math.round(timeoutMs / 1000);
	const summary = `No matching message arrived in ${email} within ${seconds} s (${outcome.checks} checks)`;
	const timedOut = {
		timedOut: true,
		email,
		waitedSeconds: Math.round(outcome.waitedMs / 1000),
		checks: outcome.checks,
		lastError: outcome.lastError ?? null,
	};
	// An agent cannot change On Timeout; it gets a result that says what it can do.
	if (runsAsTool(node)) return [{ json: { ...timedOut, description: AGENT_TIMEOUT_HINT } }];
	if (this.getNodeParameter('onTimeout', itemIndex, 'error') === 'output') {
		return [{ json: timedOut }];
	}
	throw new NodeOperationError(node, summary, {
		itemIndex,
		description:
			(outcome.lastError ? `The last check failed: ${outcome.lastError}. ` : '') +
			'Check that the mail was sent to this address and that the filters match it, raise the ' +
			'Timeout, or set On Timeout to output an item.',
	});
}
