// The "Connect to Stream" panel's words (merchant onboarding). Data only (Node loads it in
// test/unit/renderer-i18n.test.ts).
import { translations } from '../../i18n/texts.js';

export const STREAM_CONNECTION = translations(
  {
    title: 'Connect to Stream',
    state: {
      not_configured:
        'Not set up: IT must enter the Stream client id, secret and redirect addresses in the connector settings.',
      never_connected: 'Never connected.',
      connected: 'Connected.',
      disconnected: 'Disconnected: Stream cannot send orders with its old tokens.',
      chain:
        'Connected through the chain gateway: a code given here connects every store of this merchant to Stream.',
    },
    since: (at: string) => `Connected since ${at}`,
    client: (id: string) => `Stream client: ${id}`,
    lastCall: (at: string) => `Last call from Stream: ${at}`,
    noCallYet: 'No call from Stream yet',
    tokenExpiry: (at: string) => `Current access token runs out at ${at} (Stream renews it)`,
    disconnectedAt: (at: string) => `Disconnected at ${at}`,
    howTo:
      'In Stream, choose to connect this store. When Stream shows the sign-in page, type the code below.',
    getCode: 'Get a connect code',
    codePrompt: 'Get a connect code for Stream',
    codeLabel: 'Connect code',
    codeValid: (until: string) => `Works once, until ${until}`,
    codeWaiting: (until: string) => `A code is waiting to be used until ${until}`,
    disconnect: 'Disconnect from Stream',
    disconnectPrompt: 'Disconnect this store from Stream',
    disconnectWarning:
      'Stream will not be able to send any order to this store until a manager connects it again.',
    keepConnected: 'Keep connected',
    disconnectConfirm: 'Yes, disconnect',
    disconnected: 'Disconnected from Stream.',
    failed: (why: string) => `Could not do that: ${why}`,
  },
  {
    title: 'Conectar con Stream',
    state: {
      not_configured:
        'Sin configurar: TI debe introducir el identificador de cliente de Stream, el secreto y las direcciones de redirección en la configuración del conector.',
      never_connected: 'Nunca se ha conectado.',
      connected: 'Conectado.',
      disconnected: 'Desconectado: Stream no puede enviar pedidos con sus credenciales anteriores.',
      chain:
        'Conectado a través de la pasarela de la cadena: un código dado aquí conecta con Stream todas las tiendas de este comercio.',
    },
    since: (at: string) => `Conectado desde ${at}`,
    client: (id: string) => `Cliente de Stream: ${id}`,
    lastCall: (at: string) => `Última llamada de Stream: ${at}`,
    noCallYet: 'Stream todavía no ha llamado',
    tokenExpiry: (at: string) =>
      `La credencial de acceso actual caduca a las ${at} (Stream la renueva)`,
    disconnectedAt: (at: string) => `Desconectado a las ${at}`,
    howTo:
      'En Stream, elija conectar esta tienda. Cuando Stream muestre la página de acceso, escriba el código de abajo.',
    getCode: 'Obtener un código de conexión',
    codePrompt: 'Obtener un código de conexión para Stream',
    codeLabel: 'Código de conexión',
    codeValid: (until: string) => `Sirve una vez, hasta las ${until}`,
    codeWaiting: (until: string) => `Hay un código esperando a usarse hasta las ${until}`,
    disconnect: 'Desconectar de Stream',
    disconnectPrompt: 'Desconectar esta tienda de Stream',
    disconnectWarning:
      'Stream no podrá enviar ningún pedido a esta tienda hasta que un gerente la vuelva a conectar.',
    keepConnected: 'Mantener conectada',
    disconnectConfirm: 'Sí, desconectar',
    disconnected: 'Desconectado de Stream.',
    failed: (why: string) => `No se pudo hacer: ${why}`,
  },
);
