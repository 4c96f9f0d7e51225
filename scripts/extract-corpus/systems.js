'use strict';
/**
 * The systems whose mail the generated corpus imitates: how each one lays a mail out and
 * what its links look like. Read from the public templates of these projects (and the
 * documented default messages of Firebase, Cognito and Auth0); only structure and URL shape
 * are reproduced, every word comes from phrases.js.
 *
 * format: 'html' | 'text' | 'both' (either, chosen per mail).
 * kinds: what the system sends (see generate.js). box: how a code is shown in HTML.
 * url(kind, ctx): the link for a kind, or undefined when the system has none.
 */

const SYSTEMS = [
	{
		id: 'mastodon',
		name: 'Mastodon',
		format: 'both',
		kinds: ['verify', 'reset', 'pwchanged', 'newsignin', 'welcome'],
		host: 'social.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/auth/confirmation?confirmation_token=${c.tok(20)}`,
				reset: `https://${c.host}/auth/password/edit?reset_password_token=${c.tok(20)}`,
			})[kind],
		extraLinks: (c) => [
			[`https://${c.host}/about`, 'about'],
			[`https://${c.host}/privacy-policy`, 'privacy'],
		],
	},
	{
		id: 'discourse',
		name: 'Discourse',
		format: 'text',
		kinds: ['verify', 'reset', 'magic', 'welcome', 'noaccount'],
		host: 'forum.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/u/activate-account/${c.hex(32)}`,
				reset: `https://${c.host}/u/password-reset/${c.hex(32)}`,
				magic: `https://${c.host}/session/email-login/${c.hex(32)}`,
			})[kind],
	},
	{
		id: 'gitlab',
		name: 'GitLab',
		format: 'html',
		kinds: ['verify', 'reset', 'code', 'newsignin', 'pwchanged'],
		codes: ['digits6'],
		box: 'div',
		host: 'gitlab.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/users/confirmation?confirmation_token=${c.tok(20)}`,
				reset: `https://${c.host}/users/password/edit?reset_password_token=${c.tok(20)}`,
			})[kind],
	},
	{
		id: 'nextcloud',
		name: 'Nextcloud',
		format: 'html',
		kinds: ['reset', 'welcome', 'code'],
		codes: ['digits6', 'grouped'],
		box: 'h2',
		vml: true,
		host: 'cloud.{domain}',
		url: (kind, c) =>
			({ reset: `https://${c.host}/index.php/lostpassword/reset/form/${c.tok(20)}/${c.user}` })[
				kind
			],
	},
	{
		id: 'rocketchat',
		name: 'Rocket.Chat',
		format: 'html',
		kinds: ['code', 'renewed', 'reset', 'elsewhere'],
		codes: ['digits6', 'cells'],
		box: 'div',
		host: 'chat.{domain}',
		url: (kind, c) => ({ reset: `https://${c.host}/reset-password/${c.tok(43)}` })[kind],
	},
	{
		id: 'mattermost',
		name: 'Mattermost',
		format: 'html',
		kinds: ['verify', 'reset', 'welcome', 'pwchanged'],
		vml: true,
		host: 'team.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/do_verify_email?token=${c.tok(64)}&email=${encodeURIComponent(c.email)}`,
				reset: `https://${c.host}/reset_password_complete?token=${c.tok(64)}`,
			})[kind],
	},
	{
		id: 'zulip',
		name: 'Zulip',
		format: 'both',
		kinds: ['verify', 'magic', 'noaccount', 'newsignin'],
		host: 'chat.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/accounts/do_confirm/${c.tok(24)}`,
				magic: `https://${c.host}/accounts/login/?next=/&token=${c.tok(24)}`,
			})[kind],
	},
	{
		id: 'ghost',
		name: 'Ghost',
		format: 'html',
		kinds: ['code+link', 'magic', 'subscribe', 'code+link'],
		codes: ['digits6'],
		box: 'h2',
		host: 'blog.{domain}',
		url: (kind, c) =>
			({
				'code+link': `https://${c.host}/members/?token=${c.tok(32)}&action=signin&r=https%3A%2F%2F${c.host}%2F`,
				magic: `https://${c.host}/members/?token=${c.tok(32)}&action=signin`,
				subscribe: `https://${c.host}/members/?token=${c.tok(32)}&action=signup`,
			})[kind],
	},
	{
		id: 'wordpress',
		name: 'WordPress',
		format: 'text',
		kinds: ['reset', 'pwchanged', 'welcome', 'verify'],
		host: '{domain}',
		url: (kind, c) =>
			({
				reset: `https://${c.host}/wp-login.php?action=rp&key=${c.tok(20)}&login=${c.user}&wp_lang=${c.locale}`,
				verify: `https://${c.host}/wp-admin/profile.php?newuseremail=${c.hex(32)}`,
			})[kind],
	},
	{
		id: 'sentry',
		name: 'Sentry',
		format: 'html',
		kinds: ['verify', 'reset', 'newsignin', 'code'],
		codes: ['digits6'],
		box: 'div',
		host: 'sentry.{domain}',
		track: 'sendgrid',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/account/confirm-email/${c.num(5)}/${c.hex(40)}/`,
				reset: `https://${c.host}/account/recover/confirm/${c.num(5)}/${c.hex(40)}/`,
			})[kind],
	},
	{
		id: 'posthog',
		name: 'PostHog',
		format: 'html',
		kinds: ['reset', 'verify', 'welcome', 'code'],
		codes: ['digits6', 'grouped'],
		box: 'spans',
		host: 'app.{domain}',
		url: (kind, c) =>
			({
				reset: `https://${c.host}/reset/${c.uuid()}/${c.tok(24)}`,
				verify: `https://${c.host}/verify_email/${c.uuid()}/${c.tok(24)}`,
			})[kind],
	},
	{
		id: 'calcom',
		name: 'Cal.com',
		format: 'html',
		kinds: ['code', 'verify', 'renewed', 'code'],
		codes: ['digits6', 'cells', 'grouped'],
		box: 'cells',
		host: 'cal.{domain}',
		url: (kind, c) => ({ verify: `https://${c.host}/auth/verify?token=${c.hex(64)}` })[kind],
	},
	{
		id: 'directus',
		name: 'Directus',
		format: 'html',
		kinds: ['reset', 'verify', 'pwchanged'],
		host: 'cms.{domain}',
		url: (kind, c) =>
			({
				reset: `https://${c.host}/admin/reset-password?token=${c.jwt()}`,
				verify: `https://${c.host}/admin/verify-email?token=${c.jwt()}`,
			})[kind],
	},
	{
		id: 'strapi',
		name: 'Strapi',
		format: 'html',
		minimal: true,
		kinds: ['reset', 'verify'],
		host: 'api.{domain}',
		url: (kind, c) =>
			({
				reset: `https://www.${c.domain}/reset-password?code=${c.hex(128)}`,
				verify: `https://${c.host}/api/auth/email-confirmation?confirmation=${c.hex(40)}`,
			})[kind],
	},
	{
		id: 'betterauth',
		name: 'Better Auth',
		format: 'both',
		minimal: true,
		kinds: ['code', 'magic', 'verify', 'code'],
		codes: ['digits6', 'mixed'],
		host: 'app.{domain}',
		url: (kind, c) =>
			({
				magic: `https://${c.host}/api/auth/magic-link/verify?token=${c.tok(32)}&callbackURL=%2Fdashboard`,
				verify: `https://${c.host}/api/auth/verify-email?token=${c.jwt()}&callbackURL=%2F`,
			})[kind],
	},
	{
		id: 'authelia',
		name: 'Authelia',
		format: 'both',
		kinds: ['code', 'reset', 'pwchanged', 'code'],
		codes: ['alnum8', 'letters'],
		box: 'div',
		host: 'auth.{domain}',
		url: (kind, c) => ({ reset: `https://${c.host}/reset-password/step2?token=${c.jwt()}` })[kind],
		revoke: (c) => `https://${c.host}/revoke/one-time-code?id=${c.uuid()}`,
	},
	{
		id: 'grafana',
		name: 'Grafana',
		format: 'html',
		kinds: ['reset', 'welcome', 'code'],
		codes: ['letters', 'digits6'],
		box: 'div',
		host: 'grafana.{domain}',
		url: (kind, c) => ({ reset: `https://${c.host}/user/password/reset?code=${c.tok(60)}` })[kind],
	},
	{
		id: 'odoo',
		name: 'Odoo',
		format: 'html',
		kinds: ['reset', 'verify', 'shipped', 'welcome'],
		host: 'erp.{domain}',
		spa: true,
		url: (kind, c) =>
			({
				reset: `https://${c.host}/web/reset_password?db=prod&token=${c.tok(20)}`,
				verify: `https://${c.host}/web/signup?db=prod&token=${c.tok(20)}`,
			})[kind],
		account: (c) => `https://${c.host}/web#action=base.action_res_users_my&id=${c.num(3)}`,
	},
	{
		id: 'saleor',
		name: 'Saleor',
		format: 'html',
		kinds: ['verify', 'reset', 'shipped', 'shipped'],
		host: 'shop.{domain}',
		localPath: true,
		track: 'mailgun',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/${c.localPath('confirm')}?email=${encodeURIComponent(c.email)}&token=${c.tok(24)}`,
				reset: `https://${c.host}/account/reset-password/?email=${encodeURIComponent(c.email)}&token=${c.tok(24)}`,
			})[kind],
	},
	{
		id: 'medusa',
		name: 'Medusa',
		format: 'html',
		kinds: ['reset', 'shipped', 'welcome', 'code'],
		codes: ['digits6', 'alnumHyphen'],
		box: 'div',
		host: 'store.{domain}',
		localPath: true,
		url: (kind, c) =>
			({
				reset: `https://${c.host}/${c.localPath('reset')}?token=${c.jwt()}&email=${encodeURIComponent(c.email)}`,
			})[kind],
	},
	{
		id: 'documenso',
		name: 'Documenso',
		format: 'html',
		kinds: ['verify', 'reset', 'pwchanged'],
		host: 'sign.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/verify-email/${c.tok(36)}`,
				reset: `https://${c.host}/reset-password/${c.tok(36)}`,
			})[kind],
	},
	{
		id: 'formbricks',
		name: 'Formbricks',
		format: 'html',
		kinds: ['verify', 'reset', 'code'],
		codes: ['digits6'],
		box: 'div',
		host: 'forms.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/auth/verify?token=${c.jwt()}`,
				reset: `https://${c.host}/auth/forgot-password/reset?token=${c.jwt()}`,
			})[kind],
	},
	{
		id: 'immich',
		name: 'Immich',
		format: 'html',
		kinds: ['welcome', 'reset'],
		host: 'photos.{domain}',
		url: (kind, c) => ({ reset: `https://${c.host}/auth/reset?token=${c.tok(40)}` })[kind],
	},
	{
		id: 'lemmy',
		name: 'Lemmy',
		format: 'both',
		minimal: true,
		kinds: ['verify', 'reset', 'welcome'],
		host: 'lemmy.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/verify_email/${c.uuid()}`,
				reset: `https://${c.host}/password_change/${c.tok(32)}`,
			})[kind],
	},
	{
		id: 'misskey',
		name: 'Misskey',
		format: 'text',
		kinds: ['verify', 'reset', 'code', 'newsignin'],
		codes: ['mixed', 'digits6'],
		host: 'mk.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/verify-email/${c.tok(16)}`,
				reset: `https://${c.host}/reset-password/${c.tok(16)}`,
			})[kind],
	},
	{
		id: 'peertube',
		name: 'PeerTube',
		format: 'both',
		kinds: ['verify', 'reset', 'welcome'],
		host: 'video.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/verify-account/email?userId=${c.num(3)}&verificationString=${c.hex(40)}`,
				reset: `https://${c.host}/reset-password?userId=${c.num(3)}&verificationString=${c.hex(40)}`,
			})[kind],
	},
	{
		id: 'matomo',
		name: 'Matomo',
		format: 'html',
		kinds: ['reset', 'verify', 'newsignin'],
		host: 'analytics.{domain}',
		spa: true,
		url: (kind, c) =>
			({
				reset: `https://${c.host}/index.php?module=Login&action=confirmResetPassword&login=${c.user}&resetToken=${c.hex(32)}`,
				verify: `https://${c.host}/index.php?module=UsersManager&action=confirmInvite#?token=${c.hex(32)}`,
			})[kind],
	},
	{
		id: 'moodle',
		name: 'Moodle',
		format: 'text',
		kinds: ['verify', 'reset', 'welcome'],
		host: 'learn.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/login/confirm.php?data=${c.tok(15)}/${c.user}`,
				reset: `https://${c.host}/login/forgot_password.php?token=${c.tok(32)}`,
			})[kind],
	},
	{
		id: 'django',
		name: 'Django',
		format: 'text',
		kinds: ['reset', 'noaccount', 'verify'],
		host: 'www.{domain}',
		url: (kind, c) =>
			({
				reset: `https://${c.host}/accounts/reset/${c.b64(3)}/${c.tok(6).toLowerCase()}-${c.hex(32)}/`,
				verify: `https://${c.host}/accounts/confirm-email/${c.tok(40)}/`,
			})[kind],
	},
	{
		id: 'flasksecurity',
		name: 'Flask-Security',
		format: 'both',
		minimal: true,
		kinds: ['verify', 'magic', 'code', 'reset'],
		codes: ['digits6'],
		host: '{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/confirm/${c.tok(60)}`,
				magic: `https://${c.host}/login/${c.tok(60)}`,
				reset: `https://${c.host}/reset/${c.tok(60)}`,
			})[kind],
	},
	{
		id: 'fastapiusers',
		name: 'FastAPI Users',
		format: 'both',
		minimal: true,
		kinds: ['verify', 'reset'],
		host: 'app.{domain}',
		spaRoute: true,
		url: (kind, c) =>
			({
				verify: `https://${c.host}/#/verify-email?token=${c.jwt()}`,
				reset: `https://${c.host}/#/reset-password?token=${c.jwt()}`,
			})[kind],
	},
	{
		id: 'springsecurity',
		name: 'Spring Security',
		format: 'both',
		minimal: true,
		kinds: ['magic', 'code'],
		codes: ['digits6', 'alnumHyphen'],
		host: 'portal.{domain}',
		url: (kind, c) => ({ magic: `https://${c.host}/login/ott?token=${c.uuid()}` })[kind],
	},
	{
		id: 'aspnetidentity',
		name: 'ASP.NET Core Identity',
		format: 'html',
		minimal: true,
		hrefStyle: 'numeric',
		kinds: ['verify', 'reset', 'code'],
		codes: ['digits6'],
		host: 'www.{domain}',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/Identity/Account/ConfirmEmail?userId=${c.uuid()}&code=${c.b64(48)}&returnUrl=%2F`,
				reset: `https://${c.host}/Identity/Account/ResetPassword?code=${c.b64(48)}`,
			})[kind],
	},
	{
		id: 'firebase',
		name: 'Firebase Authentication',
		format: 'both',
		minimal: true,
		kinds: ['verify', 'reset', 'magic'],
		host: '{project}.firebaseapp.com',
		url: (kind, c) =>
			`https://${c.host}/__/auth/action?mode=${{ verify: 'verifyEmail', reset: 'resetPassword', magic: 'signIn' }[kind]}&oobCode=${c.tok(40)}&apiKey=AIza${c.tok(35)}&lang=${c.lang}`,
	},
	{
		id: 'cognito',
		name: 'Amazon Cognito',
		format: 'both',
		minimal: true,
		kinds: ['code', 'verify', 'code', 'renewed'],
		codes: ['digits6'],
		host: '{project}.auth.eu-west-1.amazoncognito.com',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/confirmUser?client_id=${c.tok(26).toLowerCase()}&user_name=${c.uuid()}&confirmation_code=${c.num(6)}`,
			})[kind],
	},
	{
		id: 'auth0',
		name: 'Auth0',
		format: 'html',
		kinds: ['verify', 'reset', 'code', 'approve', 'newsignin'],
		codes: ['digits6'],
		box: 'div',
		host: '{project}.eu.auth0.com',
		url: (kind, c) =>
			({
				verify: `https://${c.host}/u/email-verification?ticket=${c.tok(32)}#`,
				reset: `https://${c.host}/u/reset-password?ticket=${c.tok(32)}#`,
				approve: `https://${c.host}/u/guardian/approve?transaction=${c.tok(32)}&answer=accept`,
				deny: `https://${c.host}/u/guardian/approve?transaction=${c.tok(32)}&answer=reject`,
			})[kind],
	},
];

module.exports = { SYSTEMS };
