import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { checkBaseUrl, DEFAULT_BASE_URL } from '../nodes/TempMail/transport/baseUrl';

/** Where a request goes (its base URL and path joined), checked by the base URL rule. */
function destinationOf(options: IHttpRequestOptions): ReturnType<typeof checkBaseUrl> {
	let destination: URL;
	try {
		destination = new URL(options.url, options.baseURL);
	} catch {
		return { problem: `The request URL "${options.baseURL ?? ''}${options.url}" is not valid` };
	}
	// A query belongs to the request, not to the base URL the rule checks.
	destination.search = '';
	destination.hash = '';
	return checkBaseUrl(destination.href);
}

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
			default: DEFAULT_BASE_URL,
			required: true,
			description:
				'The user API host shown in your Temp Mail dashboard. HTTPS is required because the ' +
				'API key travels with every request; plain http is accepted only for loopback hosts ' +
				'(localhost, 127.0.0.1, ::1), such as a local test simulator.',
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
		// Every request that carries the key, "Test connection" included, goes only where the
		// node's base URL rule allows (https, or http to a loopback host).
		const destination = destinationOf(requestOptions);
		if ('problem' in destination) throw new Error(destination.problem);
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${apiKey}` },
		};
	}

	/** Its request is signed by authenticate() above, which applies the base URL rule. */
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
