// Workflows the end-to-end tests import into n8n.

export const CREDENTIAL_ID = 'TempMailE2eCred1';
export const CREDENTIAL_NAME = 'Temp Mail API (e2e)';
export const MAILBOX_WORKFLOW_ID = 'TempMailE2eWf001';
export const TRIGGER_NODE = 'Manual Trigger';
export const CREATE_NODE = 'Create Mailbox';
export const LIST_NODE = 'Get Messages';

const credentials = { tempMailApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

/** Manual Trigger → Temp Mail: Mailbox → Create → Temp Mail: Message → Get Many. */
export function mailboxWorkflow() {
	return {
		id: MAILBOX_WORKFLOW_ID,
		name: 'E2E: create a mailbox and list its messages',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'b0a6a1c4-0001-4000-8000-000000000001',
				name: TRIGGER_NODE,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b0a6a1c4-0002-4000-8000-000000000002',
				name: CREATE_NODE,
				type: 'n8n-nodes-tempmail.tempMail',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'mailbox', operation: 'create' },
				credentials,
			},
			{
				id: 'b0a6a1c4-0003-4000-8000-000000000003',
				name: LIST_NODE,
				type: 'n8n-nodes-tempmail.tempMail',
				typeVersion: 1,
				position: [440, 0],
				// A new mailbox has no messages: still emit one (empty) item so the run
				// shows the node finished.
				alwaysOutputData: true,
				parameters: {
					resource: 'message',
					operation: 'getAll',
					email: '={{ $json.email }}',
					returnAll: true,
				},
				credentials,
			},
		],
		connections: {
			[TRIGGER_NODE]: { main: [[{ node: CREATE_NODE, type: 'main', index: 0 }]] },
			[CREATE_NODE]: { main: [[{ node: LIST_NODE, type: 'main', index: 0 }]] },
		},
	};
}

export const POLL_TRIGGER_NODE = 'Temp Mail Trigger';

/**
 * Temp Mail Trigger (every minute unless `pollTimes` says otherwise, on one mailbox) →
 * nothing: the run shows what it emitted.
 */
export function triggerWorkflow(
	email: string,
	pollTimes: { item: Array<Record<string, unknown>> } = { item: [{ mode: 'everyMinute' }] },
) {
	return {
		name: `E2E: new mail in ${email}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'd0000000-0000-4000-8000-000000000001',
				name: POLL_TRIGGER_NODE,
				type: 'n8n-nodes-tempmail.tempMailTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes,
					event: 'newMessage',
					mailboxes: email,
				},
				credentials,
			},
		],
		connections: {},
	};
}

/**
 * Poll times for a Temp Mail Trigger that polls every `step` seconds. n8n 2.41 refuses a
 * sub-minute cron ("The polling interval is too short": `*\/10 * * * * *` is rejected by
 * isSubMinuteCron), but accepts several poll times, each a cron with one fixed second
 * (minute-granular on its own): 0, step, 2·step, … seconds past every minute.
 */
export function pollEverySeconds(step: number) {
	if (!Number.isInteger(step) || step < 1 || 60 % step !== 0)
		throw new Error(`step must divide 60, got ${step}`);
	const item: Array<Record<string, unknown>> = [];
	for (let second = 0; second < 60; second += step)
		item.push({ mode: 'custom', cronExpression: `${second} * * * * *` });
	return { item };
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A node of a workflow by name; throws when the workflow has none of that name. */
export function nodeNamed(workflow: WorkflowJson, name: string): WorkflowNode {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node)
		throw new Error(
			`workflow "${workflow.name}" has no node "${name}" (has: ${workflow.nodes.map((n) => n.name).join(', ')})`,
		);
	return node;
}

/** Points every Temp Mail node (action and trigger) at the e2e credential. */
export function useE2eCredential(workflow: WorkflowJson): WorkflowJson {
	for (const node of workflow.nodes) {
		if (node.type.startsWith('n8n-nodes-tempmail.')) node.credentials = { ...credentials };
	}
	return workflow;
}
