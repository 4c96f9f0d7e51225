import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class TempMailApi implements ICredentialType {
	name = 'tempMailApi';

	displayName = 'Temp Mail API';

	icon: Icon = { light: 'file:../icons/tempmail.svg', dark: 'file:../icons/tempmail.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-tempmail/n8n-nodes-tempmail#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your personal user API key, created in the Temp Mail dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://v1.tempmailg.com',
			required: true,
			description:
				'The user API host shown in your Temp Mail dashboard. HTTPS is required because the API key travels with every request; plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1), such as a local test simulator.',
		},
	];

	/**
	 * A function rather than the declarative `{ type: 'generic' }` form: n8n evaluates that
	 * form's `=Bearer {{$credentials.apiKey}}` as a workflow expression on every request,
	 * which cost more CPU than the request itself when 1,000 items run (see the README's
	 * Performance section). The header is the same.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${apiKey}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			// No type: any plan may list its domains (type=free is refused without free domains).
			url: '/api/domains',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: false,
					message: 'The Temp Mail API refused the request: check the API key and base URL',
				},
			},
		],
	};
}
