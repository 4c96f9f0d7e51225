// The workflow the queue-mode test activates: Temp Mail Trigger (downloads attachments)
// → Temp Mail: Message → Get (downloads them again) → one item per attachment, from
// both nodes → Read/Write Files from Disk. Both copies land on disk, so the test sees
// the trigger's binaries (stored by main) and Get's (stored by a worker) arrive intact.
import { CREDENTIAL_ID, CREDENTIAL_NAME, POLL_TRIGGER_NODE, pollEverySeconds } from './workflows';

export const GET_NODE = 'Get Message';
export const WAIT_NODE = 'Wait';

const credentials = { tempMailApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

const SPLIT_CODE = `
const fromTrigger = $('${POLL_TRIGGER_NODE}').all();
const out = [];
$input.all().forEach((item, index) => {
  const sources = [['get', item], ['trigger', fromTrigger[index]]];
  for (const [source, from] of sources) {
    for (const binary of Object.values(from.binary ?? {})) {
      out.push({
        json: { source, messageId: from.json.id, fileName: binary.fileName, executionId: $execution.id },
        binary: { data: binary },
      });
    }
  }
});
return out;
`;

/**
 * @param email the mailbox the trigger watches
 * @param folder where attachments are written: <source>-<messageId>-<fileName>
 * @param waitSeconds a Wait node after the trigger keeps each execution running that long
 */
export function queueWorkflow(
	email: string,
	folder: string,
	{ waitSeconds = 0, pollSeconds = 2 } = {},
) {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: 'e0000000-0000-4000-8000-000000000001',
			name: POLL_TRIGGER_NODE,
			type: 'n8n-nodes-tempmail.tempMailTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: pollEverySeconds(pollSeconds),
				event: 'newMessage',
				mailboxes: email,
				options: { downloadAttachments: true },
			},
			credentials,
		},
		{
			id: 'e0000000-0000-4000-8000-000000000002',
			name: GET_NODE,
			type: 'n8n-nodes-tempmail.tempMail',
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'message',
				operation: 'get',
				messageId: '={{ $json.id }}',
				options: { downloadAttachments: true },
			},
			credentials,
		},
		{
			id: 'e0000000-0000-4000-8000-000000000003',
			name: 'One Item per Attachment',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [660, 0],
			parameters: { jsCode: SPLIT_CODE },
		},
		{
			id: 'e0000000-0000-4000-8000-000000000004',
			name: 'Write Attachment',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			position: [880, 0],
			parameters: {
				operation: 'write',
				fileName: `=${folder}/{{ $json.source }}-{{ $json.messageId }}-{{ $json.fileName }}`,
				dataPropertyName: 'data',
				options: {},
			},
		},
	];
	const connections: Record<string, unknown> = {
		[GET_NODE]: { main: [[{ node: 'One Item per Attachment', type: 'main', index: 0 }]] },
		'One Item per Attachment': { main: [[{ node: 'Write Attachment', type: 'main', index: 0 }]] },
	};
	if (waitSeconds > 0) {
		nodes.push({
			id: 'e0000000-0000-4000-8000-000000000005',
			name: WAIT_NODE,
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			parameters: { amount: waitSeconds, unit: 'seconds' },
			webhookId: 'e0000000-0000-4000-8000-0000000000aa',
		});
		connections[POLL_TRIGGER_NODE] = { main: [[{ node: WAIT_NODE, type: 'main', index: 0 }]] };
		connections[WAIT_NODE] = { main: [[{ node: GET_NODE, type: 'main', index: 0 }]] };
	} else {
		connections[POLL_TRIGGER_NODE] = { main: [[{ node: GET_NODE, type: 'main', index: 0 }]] };
	}
	return {
		name: `Queue: new mail in ${email}${waitSeconds ? ` (wait ${waitSeconds} s)` : ''}`,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
	};
}
