// SalesBot as Alex Wilber (executive), after Lynne registered E2E-0001 (20-as-lynne-robbins):
// the PQR is his, he answers it from its card, and the timeliness indicator of the month it falls
// due counts it on time. That month depends on the day the test runs, so it is read from the
// bot's answer ("vencía el martes, 15 de diciembre de 2026").
export const name = 'SalesBot as Alex Wilber: answer the PQR assigned to him and see it counted on time';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

export default async function (t) {
  await t.step({ send: 'idioma español', expect: { count: 1, text: 'te responderé en español' } });
  await t.step({ send: 'mis pqr', expect: { count: 1, card: { text: ['Tus PQR', 'E2E-0001 · Ferretería El Sol S.A.S.', '/Vence en \\d+ días hábiles/'] } } });
  await t.step({
    send: 'pqr E2E-0001',
    expect: { count: 1, card: { text: ['El cliente reclama un cobro doble', 'Reclamo'], inputs: ['response'], actions: ['Responder'] } },
  });
  const answered = await t.step({
    click: 'Responder',
    fill: { response: 'Revisamos la factura: se devolverá el cobro duplicado en la próxima.' },
    expect: { count: 1, text: '/Respuesta a la PQR E2E-0001 registrada a tiempo \\(vencía el .+\\)/' },
  });
  const text = answered.replies.map(r => r.text || '').join(' ');
  const due = /vencía el [^,]+, (\d+) de (\w+) de (\d{4})/.exec(text);
  t.check('the answer says the due date', due !== null);
  if (!due) return;
  const month = String(MONTHS.indexOf(due[2]) + 1).padStart(2, '0');
  await t.step({
    send: `indicador pqr ${due[3]}-${month}`,
    expect: { count: 1, card: { text: ['Oportunidad de respuesta a PQR', '1 de 1 respondidas a tiempo: 100 %', 'Alex Wilber'] } },
  });
  await t.step({ send: 'pqr E2E-0001', expect: { count: 1, card: { text: ['Respondida a tiempo.'] } } });
  await t.step({ send: 'idioma auto', expect: { count: 1, text: "Done: I'll use your Teams language." } });
}
