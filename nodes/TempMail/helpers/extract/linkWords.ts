import { phraseMatcher } from './words';

/**
 * What a verification link's label (or the sentence leading to it) says, in English,
 * Spanish, French, German, Portuguese, Italian, Russian, Polish, Dutch, Turkish, Arabic,
 * Hebrew, Chinese, Japanese and Korean. See words.ts for the matching rules.
 */

/** Verify / confirm / activate / validate / reset / magic link. */
export const ACTION_WORDS = phraseMatcher([
	// en
	'verif', 'confirm', 'activat', 'validat', 'magic link', 'reset password', 'reset your password',
	'reset my password', 'password reset', 'new password', 'set password', 'set your password',
	'recover your account', 'reset link',
	// es
	'verificar', 'verifica tu', 'verifique', 'confirmar', 'confirma tu', 'confirme', 'activar', 'activa tu',
	'validar', 'restablecer', 'nueva contraseña', 'enlace mágico',
	// fr
	'vérifi', 'confirmer', 'confirmez', 'activer', 'activez', 'valider', 'validez', 'réinitialis',
	'nouveau mot de passe', 'lien magique',
	// de
	'bestätig', 'verifizier', 'aktivier', 'zurücksetzen', 'neues passwort', 'passwort zurück',
	// pt
	'ativar', 'ative', 'redefinir', 'nova senha', 'verifique',
	// it
	'verifica', 'conferma', 'attiva', 'convalida', 'reimposta', 'nuova password',
	// ru
	'подтверд', 'подтвержд', 'активир', 'верифи', 'сбросить', 'сброс пароля', 'новый пароль',
	'восстановить',
	// pl
	'potwierdź', 'potwierdz', 'zweryfikuj', 'weryfik', 'aktywuj', 'zresetuj', 'resetuj', 'nowe hasło',
	// nl
	'bevestig', 'verifieer', 'verifiëren', 'activeer', 'activeren', 'herstel', 'nieuw wachtwoord',
	'wachtwoord opnieuw',
	// tr
	'doğrula', 'onayla', 'etkinleştir', 'aktifleştir', 'sıfırla', 'yeni şifre',
	// ar
	'تأكيد', 'تاكيد', 'أكّد', 'أكد', 'تفعيل', 'فعّل', 'تحقق', 'التحقق', 'إعادة تعيين',
	// he
	'אמת', 'אימות', 'אשר', 'אישור', 'הפעל', 'איפוס', 'אפס',
	// zh
	'验证', '驗證', '确认', '確認', '激活', '啟用', '重置', '重設', '找回密码',
	// ja
	'認証', '有効化', '再設定', 'リセット', '本登録',
	// ko
	'인증', '확인', '활성화', '재설정',
]);

/** Sign in / log in: a verification link only when the URL carries a token. */
export const SIGN_IN_WORDS = phraseMatcher([
	'sign in', 'log in', 'login', 'log on', 'continue to', 'open the app$',
	'iniciar sesión', 'inicia sesión', 'acceder', 'entrar',
	'se connecter', 'connectez', 'connexion',
	'anmelden', 'einloggen',
	'fazer login', 'iniciar sessão',
	'accedi', 'accesso',
	'войти', 'вход',
	'zaloguj', 'logowani',
	'inloggen',
	'giriş yap', 'oturum aç',
	'تسجيل الدخول',
	'התחבר', 'התחברות', 'כניסה',
	'登录', '登入', '登錄',
	'ログイン', 'サインイン',
	'로그인',
]);

/** Links a verification link never is: unsubscribe, privacy, terms, help, "not me"... */
export const AVOID_WORDS = phraseMatcher([
	'unsubscribe', 'opt out', 'email preferences', 'manage preferences', 'notification settings',
	'update your preferences', 'manage your subscription', 'privacy', 'terms', 'help center',
	'help centre', 'support', 'contact us', 'faq$', 'view in browser', 'view online', 'web version',
	'view this email', 'view it in your browser', 'view order', 'view your order', 'track your order',
	'track order', 'track package', 'order status', 'order details', 'invoice', 'receipt', 'report', 'not you', 'not me', 'not my account', "wasn't me",
	'was not me', "didn't request", 'did not request', "didn't sign up", 'learn more', 'cookie',
	'download the app', 'app store', 'google play', 'facebook', 'twitter', 'linkedin', 'instagram',
	'youtube', 'imprint', 'impressum', 'datenschutz', 'abmelden', 'abbestellen', 'darse de baja',
	'cancelar suscripción', 'cancelar la suscripción', 'privacidad', 'ayuda', 'désabonner',
	'désinscri', 'se désinscrire', 'confidentialité', 'annulla iscrizione', 'disiscriviti',
	'cancelar inscrição', 'descadastr', 'отписаться', 'отказаться от рассылки', 'конфиденциальн',
	'wypisz', 'rezygnacj', 'prywatnoś', 'afmelden', 'uitschrijven', 'abonelikten', 'gizlilik',
	'إلغاء الاشتراك', 'الخصوصية', 'ביטול הרשמה', 'הסרה מרשימת', 'פרטיות', '退订', '取消订阅',
	'隐私', '隱私', '配信停止', '購読解除', 'プライバシー', '수신 거부', '수신거부', '개인정보',
]);

/** Words saying "the link / the button / click": the sentence is about a link. */
export const LINK_WORDS = phraseMatcher([
	'link', 'click', 'button', 'below', 'url', 'browser', 'visit', 'follow', 'tap', 'open',
	'enlace', 'clic', 'botón', 'abajo', 'lien', 'cliquez', 'bouton', 'ci-dessous', 'klick', 'unten',
	'schaltfläche', 'collegamento', 'clicca', 'pulsante', 'seguente', 'ссылк', 'нажмите', 'кнопк',
	'kliknij', 'przycisk', 'poniż', 'bağlant', 'tıkla', 'düğme', 'aşağı', 'klik', 'onderstaande',
	'رابط', 'الرابط', 'انقر', 'اضغط', 'קישור', 'הקישור', 'לחץ', 'לחצו', '链接', '鏈接', '点击',
	'點擊', '按钮', '下面', '以下', 'リンク', 'クリック', 'ボタン', '링크', '클릭', '버튼',
]);

/** "The link above": a sentence after a link that talks about it. */
export const ABOVE_WORDS = phraseMatcher([
	'above', 'arriba', 'anterior', 'ci-dessus', 'oben', 'obigen', 'sopra', 'precedente', 'acima',
	'выше', 'powyżej', 'powyzej', 'yukarıdaki', 'hierboven', 'bovenstaande', 'أعلاه', 'למעלה',
	'上面', '上方', '上記', '上の', '위의', '위 ',
]);

/** Labels that say nothing about the link itself: then the sentence before it counts. */
export const GENERIC_LABELS = new Set([
	'here', 'click here', 'click', 'tap here', 'this link', 'link', 'the link', 'follow this link',
	'open link', 'button', 'go', 'aquí', 'haz clic aquí', 'haga clic aquí', 'pulsa aquí', 'ici',
	'cliquez ici', 'hier', 'klicken sie hier', 'hier klicken', 'qui', 'clicca qui', 'aqui',
	'clique aqui', 'здесь', 'сюда', 'по ссылке', 'tutaj', 'kliknij tutaj', 'buraya', 'buraya tıklayın',
	'klik hier', 'هنا', 'اضغط هنا', 'انقر هنا', 'כאן', 'לחץ כאן', 'לחצו כאן', '这里', '点击这里',
	'点击此处', 'ここ', 'こちら', 'ここをクリック', '여기',
	// Calls to action that only say "go on": the sentence before tells where to.
	'continue', 'get started', "let's go", 'lets go', 'start', 'next', 'proceed', 'open', 'go',
	'click to continue', 'continue here', 'weiter', 'jetzt weiter', 'continuar', 'continuer',
	'continua', 'продолжить', 'далее', 'dalej', 'devam', 'devam et', 'doorgaan', 'verder', 'مواصلة',
	'متابعة', 'המשך', '继续', '繼續', '続ける', '次へ', '계속',
]);

/** URL words (host, path, query after decoding) for verify / confirm / activate / reset. */
export const URL_ACTION_STEMS = ['verif', 'confirm', 'activat', 'activate', 'validat', 'magic', 'reset', 'recover'];

/** URL words for sign-in flows: a verification link only with a token. */
export const URL_SIGN_IN_TOKENS = new Set([
	'login', 'signin', 'logon', 'auth', 'authenticate', 'authorize', 'sso', 'session', 'sessions',
	'otp', 'callback', 'token', 'passwordless', 'emaillogin', 'magiclink',
]);

/** URL words (host and path) of pages a verification link never is. */
export const URL_AVOID_TOKENS = new Set([
	'unsubscribe', 'unsub', 'unsubscribed', 'optout', 'preferences', 'preference', 'prefs',
	'emailpreferences', 'privacy', 'terms', 'tos', 'legal', 'help', 'helpcenter', 'support', 'faq',
	'faqs', 'contact', 'contactus', 'feedback', 'cookies', 'cookie', 'policy', 'policies', 'abuse',
	'report', 'imprint', 'impressum', 'datenschutz', 'webversion', 'browser', 'pixel', 'beacon',
	'spacer', 'unsubscribes', 'blog', 'careers', 'press', 'jobs', 'articles', 'article', 'kb',
	'knowledgebase', 'ayuda', 'ajuda', 'aide', 'hilfe', 'aiuto', 'pomoc', 'yardim', 'hulp',
	'impressum', 'privacidad', 'privacidade', 'confidentialite', 'datenschutzerklaerung',
]);

/** Hosts of social networks and app stores. */
export const AVOID_HOSTS = [
	'facebook.com', 'fb.com', 'twitter.com', 'x.com', 'linkedin.com', 'instagram.com', 'youtube.com',
	'youtu.be', 'tiktok.com', 'pinterest.com', 'apps.apple.com', 'itunes.apple.com', 'play.google.com',
	'wa.me', 't.me', 'threads.net', 'reddit.com',
];

/** Query parameters that describe the campaign, not the page: ignored when reading a URL. */
export const TRACKING_PARAMETER = /^(utm_|mc_|_hs|hs_|mkt_|trk|campaign|source|medium|ref$|referrer|cid$|sc_|_ga|gclid|fbclid)/i;
