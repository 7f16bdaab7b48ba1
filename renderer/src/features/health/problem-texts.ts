// Each health problem in the cashier's words, English and Spanish, by its code (shared/health.ts).
// A problem this screen does not know yet is shown in the core's own English words.
import { translations } from '../../i18n/texts.js';

export const PROBLEM_TEXTS = translations(
  {
    since: (time: string) => `since ${time}`,
    bannerTitle: (n: number) => (n === 1 ? 'Needs attention:' : `${n} things need attention:`),
    details: 'Open Health',
    todo: 'What to do:',
    problems: {
      stream_never_reached: {
        title: 'Stream has not been reached since the connector started',
        action:
          'Check the internet connection. Answers are kept and sent as soon as Stream is reachable.',
      },
      stream_contact_old: {
        title: 'No answer from Stream for a while',
        action: 'Check the internet connection. Answers are kept and sent when Stream answers.',
      },
      stream_undelivered: {
        title: (n: number) =>
          n === 1
            ? 'Stream is NOT getting our answers: 1 waiting'
            : `Stream is NOT getting our answers: ${n} waiting`,
        action:
          'Stream cancels an order whose accept it does not get within 60 s: check such orders on the delivery app before cooking them.',
      },
      dead_letters: {
        title: (n: number) =>
          n === 1
            ? '1 message to Stream failed for good'
            : `${n} messages to Stream failed for good`,
        action: 'Health → Messages to Stream: fix the cause Stream gave, then replay each one.',
      },
      pos_not_in_pos: {
        title: (n: number) =>
          n === 1 ? '1 order is not in the POS' : `${n} orders are not in the POS`,
        action: 'Retry them, or type them into the POS and mark them entered by hand.',
      },
      pos_void_failed: {
        title: (n: number) =>
          n === 1
            ? '1 canceled order could not be voided in the POS'
            : `${n} canceled orders could not be voided in the POS`,
        action: 'Void them in the POS by hand.',
      },
      printer_trouble: {
        title: 'Kitchen printer problem',
        action: 'Check the printer: power, paper, cover, cable. Tickets wait until it is back.',
      },
      clock_skew: {
        title: (seconds: number) => `This computer's clock is ${seconds} s off Stream's`,
        action: 'Ask IT to turn on automatic time (NTP): countdowns and deadlines depend on it.',
      },
      sound_blocked: {
        title: 'Sound is blocked on this screen',
        action: 'Tap the screen once to turn sound on, or new orders arrive silently.',
      },
      relay_unreachable: {
        title: "Not connected to the chain's gateway: NO DELIVERY ORDERS CAN COME IN",
        action:
          'Check the internet connection. If it is fine, call IT (relay.url and the NATS server). Take orders on the delivery tablets meanwhile; orders come in again as soon as it reconnects.',
      },
      relay_refused: {
        title: "The chain's gateway refuses this store: NO DELIVERY ORDERS CAN COME IN",
        action:
          "Call IT: this store's relay.merchantId must match the gateway's storeMerchants list (the reason is in the connector's log). Take orders on the delivery tablets meanwhile.",
      },
      stream_listener_open: {
        title: 'The connector refuses every order from Stream (no token or secret set)',
        action: 'Call IT: stream.inboundToken or stream.webhookSecret must be set.',
      },
      stream_not_configured: {
        title: 'Answers cannot reach Stream (no Stream address set)',
        action: 'Call IT: stream.apiUrl and stream.partnerSlug must be set.',
      },
      stream_unsigned: {
        title: 'Answers cannot be sent to Stream (no webhook secret set)',
        action: 'Call IT: stream.webhookSecret must be set.',
      },
      storage_full: {
        title: 'The disk is full: NEW ORDERS CANNOT BE TAKEN',
        action:
          'Free disk space on this computer (empty the recycle bin, delete big downloads) or call IT. Orders are taken again as soon as there is room.',
      },
      storage_readonly: {
        title: 'The order database cannot be written: NEW ORDERS CANNOT BE TAKEN',
        action:
          'Call IT: the connector needs write access to its data folder; then restart it. Take orders on the delivery tablets meanwhile.',
      },
      storage_corrupt: {
        title: 'The order database is damaged: orders may not be stored',
        action:
          'Call IT: stop the connector and restore the newest backup with `npm run restore` (Health names it). Take orders on the delivery tablets meanwhile.',
      },
      storage_io: {
        title: 'The disk reports errors: orders may not be stored',
        action: 'Call IT: the disk may be failing. Take orders on the delivery tablets meanwhile.',
      },
    },
  },
  {
    since: (time: string) => `desde las ${time}`,
    bannerTitle: (n: number) => (n === 1 ? 'Requiere atención:' : `${n} cosas requieren atención:`),
    details: 'Ver Estado',
    todo: 'Qué hacer:',
    problems: {
      relay_unreachable: {
        title: 'Sin conexión con el servidor de la cadena: NO PUEDEN ENTRAR PEDIDOS DE REPARTO',
        action:
          'Revise la conexión a internet. Si funciona, llame a TI (relay.url y el servidor NATS). Mientras tanto, tome los pedidos en las tabletas de reparto; vuelven a entrar en cuanto se reconecte.',
      },
      relay_refused: {
        title: 'El servidor de la cadena rechaza esta tienda: NO PUEDEN ENTRAR PEDIDOS DE REPARTO',
        action:
          'Llame a TI: el relay.merchantId de esta tienda debe coincidir con la lista storeMerchants del servidor (el motivo está en el registro del conector). Mientras tanto, tome los pedidos en las tabletas de reparto.',
      },
      stream_never_reached: {
        title: 'No se ha podido contactar con Stream desde que arrancó el conector',
        action:
          'Revise la conexión a internet. Las respuestas se guardan y se envían en cuanto Stream responda.',
      },
      stream_contact_old: {
        title: 'Stream no responde desde hace un rato',
        action:
          'Revise la conexión a internet. Las respuestas se guardan y se envían cuando Stream responda.',
      },
      stream_undelivered: {
        title: (n: number) =>
          n === 1
            ? 'Stream NO está recibiendo nuestras respuestas: 1 en espera'
            : `Stream NO está recibiendo nuestras respuestas: ${n} en espera`,
        action:
          'Stream cancela un pedido si no recibe la aceptación en 60 s: revise esos pedidos en la app de reparto antes de cocinarlos.',
      },
      dead_letters: {
        title: (n: number) =>
          n === 1
            ? '1 mensaje a Stream falló definitivamente'
            : `${n} mensajes a Stream fallaron definitivamente`,
        action: 'Estado → Mensajes a Stream: corrija la causa indicada y vuelva a enviar cada uno.',
      },
      pos_not_in_pos: {
        title: (n: number) =>
          n === 1 ? '1 pedido no está en el TPV' : `${n} pedidos no están en el TPV`,
        action: 'Reinténtelos, o introdúzcalos en el TPV y márquelos como introducidos a mano.',
      },
      pos_void_failed: {
        title: (n: number) =>
          n === 1
            ? '1 pedido cancelado no se pudo anular en el TPV'
            : `${n} pedidos cancelados no se pudieron anular en el TPV`,
        action: 'Anúlelos a mano en el TPV.',
      },
      printer_trouble: {
        title: 'Problema con la impresora de cocina',
        action:
          'Revise la impresora: corriente, papel, tapa, cable. Los tickets esperan hasta que vuelva.',
      },
      clock_skew: {
        title: (seconds: number) => `El reloj de este equipo difiere ${seconds} s del de Stream`,
        action:
          'Pida a informática que active la hora automática (NTP): las cuentas atrás dependen de ella.',
      },
      sound_blocked: {
        title: 'El sonido está bloqueado en esta pantalla',
        action:
          'Toque la pantalla una vez para activar el sonido, o los pedidos llegarán en silencio.',
      },
      stream_listener_open: {
        title: 'El conector rechaza todos los pedidos de Stream (sin token ni secreto)',
        action:
          'Llame a informática: hay que configurar stream.inboundToken o stream.webhookSecret.',
      },
      stream_not_configured: {
        title: 'Las respuestas no pueden llegar a Stream (sin dirección de Stream)',
        action: 'Llame a informática: hay que configurar stream.apiUrl y stream.partnerSlug.',
      },
      stream_unsigned: {
        title: 'No se pueden enviar respuestas a Stream (sin secreto de webhook)',
        action: 'Llame a informática: hay que configurar stream.webhookSecret.',
      },
      storage_full: {
        title: 'El disco está lleno: NO SE PUEDEN RECIBIR PEDIDOS NUEVOS',
        action:
          'Libere espacio en este equipo (vacíe la papelera, borre descargas grandes) o llame a informática. Los pedidos vuelven a entrar en cuanto haya sitio.',
      },
      storage_readonly: {
        title: 'No se puede escribir en la base de pedidos: NO SE PUEDEN RECIBIR PEDIDOS NUEVOS',
        action:
          'Llame a informática: el conector necesita permiso de escritura en su carpeta de datos; luego reinícielo. Mientras tanto, tome los pedidos en las tabletas de reparto.',
      },
      storage_corrupt: {
        title: 'La base de pedidos está dañada: puede que los pedidos no se guarden',
        action:
          'Llame a informática: pare el conector y restaure la copia más reciente con `npm run restore` (Estado indica cuál). Mientras tanto, use las tabletas de reparto.',
      },
      storage_io: {
        title: 'El disco da errores: puede que los pedidos no se guarden',
        action:
          'Llame a informática: el disco puede estar fallando. Mientras tanto, use las tabletas de reparto.',
      },
    },
  },
);
