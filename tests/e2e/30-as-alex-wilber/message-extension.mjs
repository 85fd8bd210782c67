// SalesBot's message extension as Alex Wilber (executive), through the Playground's invoke API
// (it has no compose box): search his deals, check the card a chat would receive, unfurl the
// deal's link, and open "Registrar visita" on a message. The Playground does not send selectItem
// (the protocol tests cover it), and no visit is saved here: later scenarios count his visits.
export const name = 'SalesBot: message extension (search, shared card, link unfurling, message action)';

const attachments = (r) => r.invoke?.composeExtension?.attachments ?? r.invoke?.value?.composeExtension?.attachments ?? [];

export default async function (t) {
  await t.step({ send: 'idioma español', expect: { minCount: 1, text: 'te responderé en español' } });

  const search = await t.step({
    invoke: { name: 'composeExtension/query', value: { commandId: 'oportunidades', parameters: [{ name: 'q', value: 'flota' }], queryOptions: { skip: 0, count: 25 } } },
    expect: { botStatus: { invoke: 200 } },
  });
  const found = attachments(search);
  t.check('the search finds his deal, as a list row with a preview', found.length === 1 && found[0].preview?.content?.title === 'Renovación flota E2E');
  const card = found[0]?.content ?? {};
  const text = JSON.stringify(card);
  t.check('the card names the deal, its client and stage', text.includes('Renovación flota E2E') && text.includes('Logística Pomelo E2E S.A.S.') && text.includes('Negociación'));
  t.check('the card carries no NIT', !text.includes('900333333'));
  t.check('its buttons run as whoever clicks', JSON.stringify(card.actions?.map((a) => a.verb)) === JSON.stringify(['opportunities.history', 'visits.logNew', 'offers.new']));
  const link = /\((http[^)]+\/r\/deal\/[0-9a-f-]{36})\)/.exec(text)?.[1];
  t.check('the card shows the record link', Boolean(link));

  const unfurl = await t.step({ invoke: { name: 'composeExtension/queryLink', value: { url: link } }, expect: { botStatus: { invoke: 200 } } });
  const preview = attachments(unfurl);
  t.check('a pasted link unfurls into the same shared card', preview.length === 1 && JSON.stringify(preview[0].content).includes('Renovación flota E2E')
    && !JSON.stringify(preview[0].content).includes('900333333'));

  const none = await t.step({ invoke: { name: 'composeExtension/query', value: { commandId: 'clientes', parameters: [{ name: 'q', value: 'zzzz inexistente' }] } }, expect: { botStatus: { invoke: 200 } } });
  const said = none.invoke?.composeExtension?.text ?? none.invoke?.value?.composeExtension?.text;
  t.check('a search with no match says so', said === 'No encontré nada con «zzzz inexistente».');

  const dialog = await t.step({
    invoke: { name: 'composeExtension/fetchTask', value: { commandId: 'registrarVisita', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: '<p>Llamé a <b>Pomelo</b>: quieren renovar en enero</p>' } } } },
    expect: { botStatus: { invoke: 200 } },
  });
  const task = dialog.invoke?.task ?? dialog.invoke?.value?.task;
  const form = task?.value?.card?.content;
  const notes = JSON.stringify(form ?? {}).includes('"value":"Llamé a Pomelo: quieren renovar en enero"');
  t.check('"Registrar visita" opens the log form in a dialog with the message as its notes', task?.type === 'continue' && notes);

  const again = await t.step({
    invoke: { name: 'composeExtension/submitAction', value: { commandId: 'registrarVisita', commandContext: 'message', data: { command: 'visits.log', clientQuery: 'Pomelo', notes: 'x' } } },
    expect: { botStatus: { invoke: 200 } },
  });
  const next = again.invoke?.task ?? again.invoke?.value?.task;
  t.check('an incomplete form comes back in the dialog', next?.type === 'continue');
}
