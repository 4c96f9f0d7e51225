import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { pollNewMessages } from './trigger/poll';

export class TempMailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Temp Mail Trigger',
		name: 'tempMailTrigger',
		icon: { light: 'file:../../icons/tempmail.svg', dark: 'file:../../icons/tempmail.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New message in " + $parameter["mailboxes"]}}',
		description:
			'Starts the workflow when new messages arrive in Temp Mail mailboxes (one item per message)',
		defaults: { name: 'Temp Mail Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tempMailApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewMessages(this);
	}
}
