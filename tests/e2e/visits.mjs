// SalesBot as the Playground's default user (Alex Wilber, executive): set the month's visit plan,
// schedule a visit a few minutes from now, find it in "mis visitas", record its outcome from the
// list, see compliance change, and read the same list in English. Times are the organisation's (America/Bogota, UTC-5, no DST).
export const name = 'SalesBot: visits (plan, schedule, list, log the outcome, compliance)';

const BOGOTA_OFFSET_MS = -5 * 3600 * 1000;
const local = (msFromNow) => new Date(Date.now() + BOGOTA_OFFSET_MS + msFromNow).toISOString();

export default async function (t) {
  await t.step({ send: 'idioma español', expect: { count: 1, text: 'te responderé en español' } });
  await t.step({ send: 'plan de visitas 3', expect: { count: 1, text: '/Tu plan de .+: 3 visitas\\./' } });
  await t.step({ send: 'cumplimiento de visitas', expect: { count: 1, card: { text: ['Cumplimiento de visitas', '0 de 3 visitas planeadas: 0 %'] } } });
  await t.step({
    send: 'agendar visita Ferretería El Sol',
    expect: { count: 1, card: { inputs: ['clientId', 'clientQuery', 'date', 'time', 'duration', 'interviewee', 'location'], actions: ['Guardar visita'] } },
  });
  // A few minutes ahead: in the future when saved, and already loggable (it starts within 15 minutes).
  // From here on the visit's reminder (due an hour before) may arrive at any step: at least one reply.
  const start = local(3 * 60 * 1000);
  await t.step({
    click: 'Guardar visita',
    fill: { date: start.slice(0, 10), time: start.slice(11, 16), duration: '30', interviewee: 'Carlos Ruiz', location: 'Calle 10 # 20-30' },
    expect: { minCount: 1, text: '/Listo: visita a Ferretería El Sol S\\.A\\.S\\. agendada para el .+/' },
  });
  await t.step({
    send: 'mis visitas hoy',
    expect: { minCount: 1, card: { text: ['Ferretería El Sol S.A.S.', 'Agendada', 'Cumplimiento del mes: 0 de 3'], actions: ['Registrar resultado', 'Cancelar'] } },
  });
  await t.step({
    click: 'Registrar resultado',
    expect: { minCount: 1, card: { text: ['¿Cómo te fue en la visita?', 'Ferretería El Sol S.A.S.'], inputs: ['type', 'interviewee', 'outcome', 'nextStep', 'nextStepDate'] } },
  });
  await t.step({
    click: 'Guardar visita',
    fill: { type: 'follow-up', outcome: 'signed-up', notes: 'Firmó el contrato de suministro.', nextStep: 'Enviar la bienvenida', nextStepDate: local(3 * 86400 * 1000).slice(0, 10) },
    expect: { minCount: 1, text: 'Registré tu visita a Ferretería El Sol S.A.S.: Vinculación: el cliente firmó. Próximo paso: Enviar la bienvenida' },
  });
  await t.step({ send: 'cumplimiento de visitas', expect: { minCount: 1, card: { text: ['1 de 3 visitas planeadas: 33,3 %', 'Alex Wilber'] } } });
  await t.step({ send: 'mis visitas hoy', expect: { minCount: 1, card: { text: ['Realizada', 'Vinculación: el cliente firmó'] } } });
  // The same list in English: month first, a 12-hour clock, labels in English.
  const today = local(0);
  const monthDay = `${Number(today.slice(5, 7))}/${Number(today.slice(8, 10))}`;
  await t.step({ send: 'idioma inglés', expect: { minCount: 1, text: "I'll answer in English" } });
  await t.step({
    send: 'my visits today',
    expect: { minCount: 1, card: { text: ['Your visits', 'Done', 'Signed up', `/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) ${monthDay} \\d{1,2}:\\d{2} (AM|PM)/`] } },
  });
  await t.step({ send: 'idioma auto', expect: { minCount: 1, text: "Done: I'll use your Teams language." } });
}
