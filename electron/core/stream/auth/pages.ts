// The two pages a merchant's browser sees during onboarding: the sign-in form (a connect code
// from the counter) and the error page for a request we will not redirect anywhere. Plain HTML
// and CSS, no script, in English and Spanish (the browser's language, or the link they chose).

export type PageLanguage = 'en' | 'es';

const TEXT = {
  en: {
    title: 'Connect this store to Stream',
    intro: (store: string) =>
      `Stream is asking to receive orders for ${store}. To allow it, a manager opens Health on the counter screen, chooses "Connect to Stream" and enters the manager PIN. Type the code shown there.`,
    chainTitle: 'Connect your stores to Stream',
    chainIntro: (chain: string) =>
      `Stream is asking to receive orders for the stores of ${chain}. To allow it, a manager of any of your stores opens Health on that store's counter screen, chooses "Connect to Stream" and enters the manager PIN. Type the code shown there: it connects every store of that merchant.`,
    label: 'Connect code',
    hint: '8 letters and digits, for example ABCD-EF23. It works for 10 minutes.',
    submit: 'Connect',
    wrongCode:
      'That code is not right, has been used or has expired. Get a new code at the counter and type it again.',
    errorTitle: 'This connection request cannot be used',
    errorWhat: 'Nothing was connected and you were not sent anywhere.',
    errorTodo:
      'Start connecting again from Stream. If it keeps happening, the store’s IT must check the Stream client id and redirect addresses in the connector’s settings.',
    other: 'Español',
    reasons: {
      unknown_client:
        'The application asking (client_id) is not the Stream client this store knows.',
      bad_redirect: 'The address to return to (redirect_uri) is not one this store allows.',
      missing: 'The request is missing client_id or redirect_uri.',
      not_configured: 'This store has not been set up for connecting to Stream yet.',
      unavailable:
        'The sign-in service cannot reach its records right now, so nothing could be checked or connected.',
      unregistered:
        'The code belongs to a store the gateway does not know yet (it has not registered). Its connector must be running and connected.',
      too_many_attempts:
        'Too many wrong codes were typed in the last few minutes, so signing in is paused for up to 10 minutes.',
    },
    retryTodo: 'Wait a minute and start connecting again from Stream.',
  },
  es: {
    title: 'Conectar esta tienda con Stream',
    intro: (store: string) =>
      `Stream pide recibir los pedidos de ${store}. Para permitirlo, un gerente abre Estado en la pantalla del mostrador, elige «Conectar con Stream» e introduce el PIN de gerente. Escriba el código que aparece allí.`,
    chainTitle: 'Conectar sus tiendas con Stream',
    chainIntro: (chain: string) =>
      `Stream pide recibir los pedidos de las tiendas de ${chain}. Para permitirlo, un gerente de cualquiera de sus tiendas abre Estado en la pantalla del mostrador de esa tienda, elige «Conectar con Stream» e introduce el PIN de gerente. Escriba el código que aparece allí: conecta todas las tiendas de ese comercio.`,
    label: 'Código de conexión',
    hint: '8 letras y cifras, por ejemplo ABCD-EF23. Sirve durante 10 minutos.',
    submit: 'Conectar',
    wrongCode:
      'Ese código no es correcto, ya se usó o ha caducado. Pida un código nuevo en el mostrador y escríbalo otra vez.',
    errorTitle: 'Esta solicitud de conexión no se puede usar',
    errorWhat: 'No se conectó nada y no se le envió a ningún sitio.',
    errorTodo:
      'Vuelva a empezar la conexión desde Stream. Si sigue pasando, el departamento de TI de la tienda debe revisar el identificador de cliente de Stream y las direcciones de redirección en la configuración del conector.',
    other: 'English',
    reasons: {
      unknown_client:
        'La aplicación que lo pide (client_id) no es el cliente de Stream que conoce esta tienda.',
      bad_redirect:
        'La dirección de vuelta (redirect_uri) no es una de las que permite esta tienda.',
      missing: 'A la solicitud le falta client_id o redirect_uri.',
      not_configured: 'Esta tienda todavía no está preparada para conectarse con Stream.',
      unavailable:
        'El servicio de inicio de sesión no puede acceder a sus registros ahora mismo, así que no se pudo comprobar ni conectar nada.',
      unregistered:
        'El código es de una tienda que la pasarela todavía no conoce (no se ha registrado). Su conector tiene que estar en marcha y conectado.',
      too_many_attempts:
        'Se han escrito demasiados códigos incorrectos en los últimos minutos, así que el inicio de sesión queda en pausa hasta 10 minutos.',
    },
    retryTodo: 'Espere un minuto y vuelva a empezar la conexión desde Stream.',
  },
} as const;

/** `lang` when the merchant chose one, else the first of en/es in Accept-Language (English). */
export function pageLanguage(chosen: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (chosen === 'en' || chosen === 'es') return chosen;
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((l) => l === 'en' || l === 'es');
  return first === 'es' ? 'es' : 'en';
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `body{font:18px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.5rem}label{display:block;font-weight:600;margin-top:1rem}
input[type=text]{font:inherit;font-size:1.5rem;letter-spacing:.15em;text-transform:uppercase;width:100%;box-sizing:border-box;padding:.5rem;border:2px solid #333;border-radius:6px}
button{font:inherit;font-weight:600;margin-top:1rem;min-height:48px;padding:0 1.5rem;border:0;border-radius:6px;background:#0b57d0;color:#fff}
.error{border-left:6px solid #b3261e;background:#fdecea;padding:.75rem 1rem}.hint{color:#444;font-size:.9rem}nav{text-align:right}`;

function page(lang: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

/** The query of this same page in the other language (every parameter kept). */
function otherLanguageLink(lang: PageLanguage, params: Record<string, string>): string {
  const other: PageLanguage = lang === 'en' ? 'es' : 'en';
  const query = new URLSearchParams({ ...params, lang: other }).toString();
  return `<nav><a href="?${escapeHtml(query)}" hreflang="${other}">${TEXT[lang].other}</a></nav>`;
}

/** Whom the sign-in page connects: one store (its connector) or a chain's stores (the gateway). */
export interface SignInFor {
  name: string;
  chain?: boolean;
}

/** The sign-in form. `params` are the authorize parameters, carried through as hidden fields. */
export function signInPage(
  lang: PageLanguage,
  who: SignInFor,
  params: Record<string, string>,
  wrongCode: boolean,
): string {
  const t = TEXT[lang];
  const title = who.chain ? t.chainTitle : t.title;
  const intro = who.chain ? t.chainIntro(who.name) : t.intro(who.name);
  const hidden = Object.entries({ ...params, lang })
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    lang,
    title,
    `${otherLanguageLink(lang, params)}<h1>${title}</h1><p>${escapeHtml(intro)}</p>
${wrongCode ? `<p class="error" role="alert" id="wrong">${t.wrongCode}</p>` : ''}
<form method="post" action="">${hidden}
<label for="connect_code">${t.label}</label>
<input type="text" id="connect_code" name="connect_code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" aria-describedby="hint"${wrongCode ? ' aria-invalid="true" autofocus' : ' autofocus'}>
<p class="hint" id="hint">${t.hint}</p>
<button type="submit">${t.submit}</button></form>`,
  );
}

export type RefusalReason = keyof (typeof TEXT)['en']['reasons'];

/** For an unknown client or a redirect address not on the allowlist: said, never redirected. */
export function errorPage(lang: PageLanguage, reason: RefusalReason): string {
  const t = TEXT[lang];
  const detail = t.reasons[reason];
  const retry: readonly RefusalReason[] = ['unavailable', 'unregistered', 'too_many_attempts'];
  const todo = retry.includes(reason) ? t.retryTodo : t.errorTodo;
  return page(
    lang,
    t.errorTitle,
    `<h1>${t.errorTitle}</h1><p class="error" role="alert">${escapeHtml(detail)}</p><p>${t.errorWhat}</p><p>${todo}</p>`,
  );
}
