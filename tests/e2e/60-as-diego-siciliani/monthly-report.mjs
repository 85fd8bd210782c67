// SalesBot as Diego Siciliani (commercial director), after the earlier stages worked this month
// (offers sent for approval, a PQR registered and answered): the division's monthly report (last
// month by default), then this month's, its XLSX downloaded through the card's signed link and
// opened as a spreadsheet user would (one sheet per section, headers in Spanish, numbers and dates
// as real values), and a trend chart image.
import { readWorkbook } from '../../tooling/xlsx.mjs';

export const name = 'SalesBot as Diego Siciliani: the monthly report and its XLSX, an indicator chart';

const openUrls = card => {
  const urls = [];
  const walk = node => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.OpenUrl') urls.push(node.url);
      if (node.type === 'Image') urls.push(node.url);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return urls;
};

export default async function (t) {
  await t.step({ send: 'idioma español', expect: { count: 1, text: 'te responderé en español' } });
  await t.step({
    send: 'informe mensual',
    expect: { count: 1, card: { text: ['/Informe mensual · la empresa · \\w+ de 20\\d\\d/', 'Indicadores', 'Actividad del mes', 'Por equipo', 'Ventas Bogotá'], actions: ['Descargar XLSX'] } },
  });
  const report = await t.step({
    send: 'informe mensual este mes',
    expect: { count: 1, card: { text: ['Informe mensual · la empresa', 'Ofertas', 'PQR'], actions: ['Descargar XLSX'] } },
  });
  const link = openUrls(report.card).find(u => u.includes('/reports/monthly/'));
  t.check('the card links to the XLSX', Boolean(link));
  if (!link) return;
  const response = await fetch(link);
  t.check('the XLSX downloads', response.status === 200);
  t.check('as a spreadsheet', (response.headers.get('content-type') || '').includes('spreadsheetml'));
  const sheets = await readWorkbook(Buffer.from(await response.arrayBuffer()));
  const names = Object.keys(sheets);
  t.check(`one sheet per section (${names.join(', ')})`,
    ['Resumen', 'Indicadores', 'Por equipo', 'Visitas', 'Vinculaciones y retiros', 'Movimientos de etapa', 'Ofertas', 'PQR'].every(n => names.includes(n)));
  const summary = sheets['Resumen'];
  t.check('headers in Spanish', summary?.headers.join('|') === 'Concepto|Valor');
  const month = summary?.rows.find(r => r[0] === 'Mes')?.[1];
  t.check('the month is a date', month instanceof Date);
  const done = summary?.rows.find(r => r[0] === 'Visitas realizadas')?.[1];
  t.check('counts are numbers', typeof done === 'number');
  const indicators = sheets['Indicadores'];
  t.check('seven indicators', indicators?.rows.length === 7);
  t.check('indicator headers', indicators?.headers.slice(0, 3).join('|') === 'Indicador|Valor (%)|Meta');
  t.check('values are numbers or empty', indicators?.rows.every(r => r[1] === undefined || r[1] === null || typeof r[1] === 'number'));
  t.check('visits sheet headers', sheets['Visitas']?.headers.join('|') === 'Fecha|Cliente|Responsable|Tipo|Estado|Resultado|Oportunidad');
  const offers = sheets['Ofertas']?.rows ?? [];
  t.check(`this month's offers are there (${offers.length})`, offers.length > 0);
  t.check('offer dates are dates and totals numbers', offers.every(r => r[0] instanceof Date && typeof r[5] === 'number' && r[6] === 'COP'));
  const pqrs = sheets['PQR']?.rows ?? [];
  const e2e = pqrs.find(r => r[0] === 'E2E-0001');
  t.check('the PQR registered this month is there', Boolean(e2e));
  t.check('with its filing and due dates as dates, answered on time', e2e && e2e[3] instanceof Date && e2e[4] instanceof Date && e2e[5] instanceof Date && e2e[6] === 'Sí');

  const forged = await fetch(link.replace(/sig=[^&]+/, 'sig=forged'));
  t.check('a forged link is refused', forged.status === 403);

  await t.step({ send: 'metas', expect: { count: 1, card: { text: ['/Metas · la empresa · \\w+ de 20\\d\\d/', 'Conversión', 'Ventas Bogotá'] } } });

  const chart = await t.step({ send: 'indicador conversión empresa', expect: { count: 1, card: { text: ['Conversión · la empresa'] } } });
  const image = openUrls(chart.card).find(u => u.includes('/charts/indicators/conversion.png'));
  t.check('the card shows the trend chart', Boolean(image));
  if (image) {
    const png = await fetch(image);
    const bytes = Buffer.from(await png.arrayBuffer());
    t.check('the chart is a PNG', png.status === 200 && bytes.subarray(1, 4).toString('ascii') === 'PNG');
  }
  await t.step({ send: 'idioma auto', expect: { count: 1, text: "Done: I'll use your Teams language." } });
}
