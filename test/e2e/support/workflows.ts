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
				parameters: { resource: 'message', operation: 'getAll', email: '={{ $json.email }}', returnAll: true },
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

/** Temp Mail Trigger (every minute, on one mailbox) → nothing: the run shows what it emitted. */
export function triggerWorkflow(email: string) {
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
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'newMessage',
					mailboxes: email,
				},
				credentials,
			},
		],
		connections: {},
	};
}
