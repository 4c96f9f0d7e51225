import { phraseMatcher } from './words';

/**
 * Words that name a verification code, in English, Spanish, French, German, Portuguese,
 * Italian, Russian, Polish, Dutch, Turkish, Arabic, Hebrew, Chinese, Japanese and Korean.
 * See words.ts for the matching rules (stems, "$" for whole words).
 */
const CODE_PHRASES = [
	// en
	'code',
	'codes',
	'otp$',
	'pin$',
	'passcode',
	'one-time',
	'one time',
	'verification',
	'2fa$',
	'mfa$',
	'is your',
	'temporary password',
	'security key$',
	'token$',
	// es / pt / it
	'código',
	'codigo',
	'clave',
	'verificación',
	'verificação',
	'codice',
	'contraseña temporal',
	'senha temporária',
	'uso único',
	'usa e getta',
	// fr
	'vérification',
	'mot de passe temporaire',
	'usage unique',
	// de
	'bestätigungscode',
	'sicherheitscode',
	'verifizierungscode',
	'einmalcode',
	'zugangscode',
	'anmeldecode',
	'tan$',
	'mtan$',
	'einmalpasswort',
	'verifizierung',
	// ru
	'код',
	'пароль для входа',
	'одноразов',
	'подтверждения',
	// pl
	'kod',
	'weryfikac',
	'jednorazow',
	// nl
	'verificatiecode',
	'beveiligingscode',
	'bevestigingscode',
	'inlogcode',
	'verificatie',
	// tr
	'doğrulama',
	'tek kullanımlık',
	'şifre',
	// ar
	'رمز',
	'الرمز',
	'كود',
	'التحقق',
	// he
	'קוד',
	'הקוד',
	'אימות',
	// zh
	'验证码',
	'驗證碼',
	'校验码',
	'动态码',
	'动态密码',
	'動態密碼',
	'一次性密码',
	'口令',
	'确认码',
	'验证',
	'驗證',
	// ja
	'認証コード',
	'確認コード',
	'認証番号',
	'ワンタイム',
	'パスコード',
	'コード',
	'認証',
	// ko
	'인증번호',
	'인증 코드',
	'인증코드',
	'코드',
	// uk
	'підтвердження',
	'одноразов',
	// hi
	'कोड',
	'सत्यापन',
	'ओटीपी',
	// th
	'รหัส',
	'otp',
	// vi
	'mã xác minh',
	'mã xác nhận',
	'mã xác thực',
	'mã otp',
	'mã$',
	// id
	'kode',
	'verifikasi',
];

export const CODE_WORDS_GLOBAL = phraseMatcher(CODE_PHRASES, true);

/** The nouns alone ("code", "PIN", "код"...): a sentence with one is about a code. */
export const CODE_NOUNS = phraseMatcher([
	'code',
	'otp$',
	'pin$',
	'passcode',
	'one-time code',
	'código',
	'codigo',
	'codice',
	'tan$',
	'код',
	'kod',
	'şifre',
	'رمز',
	'كود',
	'קוד',
	'验证码',
	'驗證碼',
	'コード',
	'認証番号',
	'인증번호',
	'코드',
	'कोड',
	'รหัส',
	'mã$',
	'kode',
]);
