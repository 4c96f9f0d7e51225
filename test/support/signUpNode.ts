import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export const SIGN_UP_NODE_TYPE = 'test.signUp';

/**
 * Stands in for "sign up on some website" in engine tests: posts the address
 * to the simulator's demo sign-up form, which mails a verification code.
 * (In a real n8n this is an HTTP Request node.)
 */
export class SignUpTestNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sign Up (test)',
		name: 'signUp',
		group: ['transform'],
		version: 1,
		description: 'Signs up on the simulator demo site',
		defaults: { name: 'Sign Up' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Site URL', name: 'siteUrl', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', default: '' },
			{ displayName: 'Delay', name: 'delayMs', type: 'number', default: 1000 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const body = await this.helpers.httpRequest({
				method: 'POST',
				url: `${this.getNodeParameter('siteUrl', i) as string}/__control/signup`,
				body: {
					email: this.getNodeParameter('email', i),
					delayMs: this.getNodeParameter('delayMs', i),
				},
				json: true,
			});
			output.push({ json: body, pairedItem: { item: i } });
		}
		return [output];
	}
}
