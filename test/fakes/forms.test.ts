/**
 * The FormApp and MailApp fakes behave like Google's where a ballot form, its
 * import by item and the mailing of voter codes could go wrong.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSheetsWorld, SERVER_ERROR } from './index';
import {
  NO_DESTINATION, NO_RECIPIENT, NO_SUCH_FORM, QUOTA_EXCEEDED, createFormsWorld, type Answer, type FormsWorldOptions, type ItemKey,
} from './formsWorld';

const SPREADSHEET_ID = '1EndorseFakeSpreadsheetId0000000000000000000';
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 4, day, hour));
const answers = (entries: [ItemKey, Answer][]) => new Map<ItemKey, Answer>(entries);

/** A ballot as Endorse would build it: a single-choice race, a ranked race (grid), an approval race, a code. */
function ballotForm(options: FormsWorldOptions = {}) {
  const world = createFormsWorld(options);
  const { FormApp } = world.services;
  const form = FormApp.create('Endorsement vote 2026').setDescription('Voting is open until May 27.');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SPREADSHEET_ID);
  const mayor = form.addMultipleChoiceItem().setTitle('Mayor').setChoiceValues(['Ana Diaz', 'Bo Li', 'No endorsement']).setRequired(true);
  form.addSectionHeaderItem().setTitle('Ranked race');
  const da = form.addGridItem().setTitle('District Attorney').setRows(['Cy Wu', 'Dee Ray', 'Eve Po']).setColumns(['1', '2', '3']);
  da.setValidation(FormApp.createGridValidation().requireLimitOneResponsePerColumn().build());
  const board = form.addCheckboxItem().setTitle('School board').setChoiceValues(['Fay', 'Gus', 'Hal']);
  const code = form.addTextItem().setTitle('Voter code');
  return { world, FormApp, form, mayor, da, board, code };
}

function rowsOf(options: FormsWorldOptions = {}) {
  const rows: { formId: string; header: string[]; row: unknown[] }[] = [];
  return { rows, options: { ...options, onSubmitRow: (formId: string, header: string[], row: unknown[]) => rows.push({ formId, header, row }) } };
}

describe('building a form', () => {
  it('keeps its settings, with Forms\' defaults for a new form', () => {
    const { form } = ballotForm();
    expect([form.collectsEmail(), form.hasLimitOneResponsePerUser(), form.canEditResponse(), form.isAcceptingResponses()]).toEqual([false, false, false, true]);
    form.setCollectEmail(true).setLimitOneResponsePerUser(true).setAllowResponseEdits(true).setAcceptingResponses(false);
    expect([form.collectsEmail(), form.hasLimitOneResponsePerUser(), form.canEditResponse(), form.isAcceptingResponses()]).toEqual([true, true, true, false]);
    expect(form.getDescription()).toBe('Voting is open until May 27.');
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
  });

  it('lists items in form order with their types, and casts each to its kind', () => {
    const { form, FormApp } = ballotForm();
    const items = form.getItems();
    expect(items.map((i) => [i.getTitle(), String(i.getType())])).toEqual([
      ['Mayor', 'MULTIPLE_CHOICE'], ['Ranked race', 'SECTION_HEADER'], ['District Attorney', 'GRID'], ['School board', 'CHECKBOX'], ['Voter code', 'TEXT'],
    ]);
    expect(items[0]!.getType()).toBe(FormApp.ItemType.MULTIPLE_CHOICE);
    expect(items[0]!.asMultipleChoiceItem().getChoices().map((c) => c.getValue())).toEqual(['Ana Diaz', 'Bo Li', 'No endorsement']);
    expect(items[0]!.asMultipleChoiceItem().isRequired()).toBe(true);
    expect(items[2]!.asGridItem().getRows()).toEqual(['Cy Wu', 'Dee Ray', 'Eve Po']);
    expect(form.getItems(FormApp.ItemType.GRID).map((i) => i.getTitle())).toEqual(['District Attorney']);
    expect(() => items[0]!.asGridItem()).toThrow(/MULTIPLE_CHOICE cannot be returned as a GRID item/);
  });

  it('finds an item by id, and gives null for an id it does not have', () => {
    const { form, da } = ballotForm();
    expect(form.getItemById(da.getId()).getTitle()).toBe('District Attorney');
    expect(form.getItemById(12345)).toBeNull();
  });

  it('deletes an item by index or by item; a deleted item refuses further calls', () => {
    const { form, code, board } = ballotForm();
    form.deleteItem(form.getItemById(code.getId()));
    form.deleteItem(1);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Mayor', 'District Attorney', 'School board']);
    expect(() => code.getTitle()).toThrow(/deleted/);
    expect(board.getIndex()).toBe(2);
    expect(() => form.deleteItem(9)).toThrow('Invalid argument: index 9');
  });

  it('opens a form by id, by edit URL and by the /viewform URL a sheet links to, as an Exception otherwise', () => {
    const { FormApp, form } = ballotForm();
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Endorsement vote 2026');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(`https://docs.google.com/forms/d/${form.getId()}/viewform`).getId()).toBe(form.getId());
    expect(() => FormApp.openById('nope')).toThrow(NO_SUCH_FORM);
    expect(() => FormApp.openByUrl(form.getPublishedUrl())).toThrow(NO_SUCH_FORM);
    let caught: unknown;
    try { FormApp.openById('nope'); } catch (e) { caught = e; }
    expect((caught as Error).name).toBe('Exception');
  });

  it('has no active form in an add-on running in Sheets', () => {
    expect(createFormsWorld().services.FormApp.getActiveForm()).toBeNull();
  });

  it('names its spreadsheet destination, and says so when it has none', () => {
    const { form, FormApp } = ballotForm();
    expect(form.getDestinationId()).toBe(SPREADSHEET_ID);
    expect(form.getDestinationType()).toBe(FormApp.DestinationType.SPREADSHEET);
    form.removeDestination();
    expect(() => form.getDestinationId()).toThrow(NO_DESTINATION);
  });
});

describe('responses read by item', () => {
  function voted() {
    const b = ballotForm();
    b.world.submit({
      email: 'ana@example.org',
      at: at(20),
      answers: answers([['Mayor', 'Ana Diaz'], [b.da, ['2', null, '1']], [b.board.getId(), ['Gus', 'Fay']], ['Voter code', 'ABCDE-FGHJK']]),
    });
    return b;
  }

  it('gives a string for a choice or text, string[] for checkboxes, one entry per row (null when blank) for a grid', () => {
    const { form } = voted();
    const [response] = form.getResponses();
    const answers = response!.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]);
    expect(answers).toEqual([
      ['Mayor', 'Ana Diaz'],
      ['District Attorney', ['2', null, '1']],
      ['School board', ['Gus', 'Fay']],
      ['Voter code', 'ABCDE-FGHJK'],
    ]);
  });

  it('gives string[][] for a checkbox grid, null for a row left blank', () => {
    const world = createFormsWorld();
    const form = world.services.FormApp.create('Grid');
    const grid = form.addCheckboxGridItem().setTitle('Ranks').setRows(['Cy', 'Dee']).setColumns(['1', '2']);
    world.submit({ at: at(20), answers: answers([[grid, [['1', '2'], null]]]) });
    expect(form.getResponses()[0]!.getResponseForItem(form.getItems()[0]!).getResponse()).toEqual([['1', '2'], null]);
  });

  it('omits a question left blank, and getResponseForItem gives null for it', () => {
    const { world, form, mayor, board } = ballotForm();
    world.submit({ at: at(20), answers: answers([['Mayor', 'Bo Li'], ['School board', []]]) });
    const response = form.getResponses()[0]!;
    expect(response.getItemResponses().map((r) => r.getItem().getId())).toEqual([mayor.getId()]);
    expect(response.getResponseForItem(form.getItemById(board.getId()))).toBeNull();
  });

  it('maps answers by item, so a renamed question still reads', () => {
    const { form, mayor } = voted();
    mayor.setTitle('Mayor of Springfield');
    const item = form.getItemById(mayor.getId());
    expect(form.getResponses()[0]!.getResponseForItem(item).getResponse()).toBe('Ana Diaz');
  });

  it('records the respondent\'s email only when the form collects it', () => {
    const { form } = voted();
    expect(form.getResponses()[0]!.getRespondentEmail()).toBe('');
    const b = ballotForm();
    b.form.setCollectEmail(true);
    b.world.submit({ email: 'bo@example.org', at: at(21), answers: answers([['Mayor', 'Bo Li']]) });
    expect(b.form.getResponses()[0]!.getRespondentEmail()).toBe('bo@example.org');
  });

  it('stamps each response with its submission time, lists them oldest first, and filters by it', () => {
    const { world, form } = ballotForm();
    world.submit({ at: at(22), answers: answers([['Mayor', 'Ana Diaz']]) });
    world.submit({ at: at(20), answers: answers([['Mayor', 'Bo Li']]) });
    expect(form.getResponses().map((r) => r.getTimestamp().getTime())).toEqual([at(20).getTime(), at(22).getTime()]);
    expect(form.getResponses(at(21)).map((r) => r.getItemResponses()[0]!.getResponse())).toEqual(['Ana Diaz']);
    expect(new Set(form.getResponses().map((r) => r.getId())).size).toBe(2);
  });

  it('hands out copies: changing a returned answer changes nothing stored', () => {
    const { form } = voted();
    const grid = form.getResponses()[0]!.getItemResponses()[1]!.getResponse() as string[];
    grid[0] = '3';
    expect(form.getResponses()[0]!.getItemResponses()[1]!.getResponse()).toEqual(['2', null, '1']);
  });

  it('lets a script build and submit a response, once', () => {
    const { form, mayor, da } = ballotForm({ now: () => at(23).getTime() });
    const response = form.createResponse().withItemResponse(mayor.createResponse('Bo Li')).withItemResponse(da.createResponse(['1', '2', '3']));
    expect(response.getId()).toBeNull();
    response.submit();
    expect(form.getResponses().map((r) => [r.getTimestamp().getTime(), r.getItemResponses().length])).toEqual([[at(23).getTime(), 2]]);
    expect(() => response.submit()).toThrow('This response has already been submitted.');
    expect(() => da.createResponse(['1', '2'])).toThrow(/3 rows/);
  });
});

describe('what Forms does not let a respondent submit', () => {
  it('a required question left blank', () => {
    const { world } = ballotForm();
    expect(() => world.submit({ at: at(20), answers: answers([['Voter code', 'X']]) })).toThrow('"Mayor" is required');
  });

  it('a value that is not one of the choices, unless "Other" is shown', () => {
    const { world, mayor } = ballotForm();
    expect(() => world.submit({ at: at(20), answers: answers([['Mayor', 'Zed']]) })).toThrow('"Zed" is not one of its choices');
    mayor.showOtherOption(true);
    expect(world.submit({ at: at(20), answers: answers([['Mayor', 'Zed']]) }).answers.size).toBe(1);
  });

  it('one rank given to two candidates when the grid allows one response per column', () => {
    const { world } = ballotForm();
    expect(() => world.submit({ at: at(20), answers: answers([['Mayor', 'Bo Li'], ['District Attorney', ['1', '1', null]]]) }))
      .toThrow('"1" is chosen in two rows');
  });

  it('a second response from one account when limited to one, or any response to a closed form', () => {
    const { world, form } = ballotForm();
    form.setLimitOneResponsePerUser(true);
    world.submit({ email: 'ana@example.org', at: at(20), answers: answers([['Mayor', 'Bo Li']]) });
    expect(() => world.submit({ email: 'ANA@example.org', at: at(21), answers: answers([['Mayor', 'Ana Diaz']]) })).toThrow('already responded');
    expect(() => world.submit({ at: at(21), answers: answers([['Mayor', 'Ana Diaz']]) })).toThrow('requires signing in');
    form.setAcceptingResponses(false);
    expect(() => world.submit({ email: 'bo@example.org', at: at(21), answers: answers([['Mayor', 'Bo Li']]) })).toThrow('not accepting responses');
  });
});

describe('the linked sheet', () => {
  it('gets one row per response: Timestamp, Email Address when collected, a column per question and per grid row', () => {
    const { rows, options } = rowsOf();
    const { world, form } = ballotForm(options);
    form.setCollectEmail(true);
    world.submit({ email: 'ana@example.org', at: at(20), answers: answers([['Mayor', 'Ana Diaz'], ['District Attorney', ['2', null, '1']], ['School board', ['Fay', 'Hal']]]) });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.formId).toBe(form.getId());
    expect(rows[0]!.header).toEqual([
      'Timestamp', 'Email Address', 'Mayor', 'District Attorney [Cy Wu]', 'District Attorney [Dee Ray]', 'District Attorney [Eve Po]', 'School board', 'Voter code',
    ]);
    expect(rows[0]!.row).toEqual([at(20), 'ana@example.org', 'Ana Diaz', '2', '', '1', 'Fay, Hal', '']);
  });

  it('keeps a deleted question\'s column, renames a renamed one, and adds a new question at the end', () => {
    const { rows, options } = rowsOf();
    const { world, form, mayor, code } = ballotForm(options);
    world.submit({ at: at(20), answers: answers([['Mayor', 'Ana Diaz'], ['Voter code', 'A']]) });
    form.deleteItem(form.getItemById(code.getId()));
    mayor.setTitle('Mayor of Springfield');
    form.addTextItem().setTitle('Comments');
    world.submit({ at: at(21), answers: answers([['Mayor of Springfield', 'Bo Li'], ['Comments', 'Thanks']]) });
    expect(rows[1]!.header).toEqual([
      'Timestamp', 'Mayor of Springfield', 'District Attorney [Cy Wu]', 'District Attorney [Dee Ray]', 'District Attorney [Eve Po]', 'School board', 'Voter code', 'Comments',
    ]);
    expect(rows[1]!.row).toEqual([at(21), 'Bo Li', '', '', '', '', '', 'Thanks']);
  });

  it('gets nothing from a form without a destination', () => {
    const { rows, options } = rowsOf();
    const { world, form } = ballotForm(options);
    form.removeDestination();
    world.submit({ at: at(20), answers: answers([['Mayor', 'Ana Diaz']]) });
    expect(rows).toEqual([]);
  });
});

describe('the call log and faults', () => {
  it('counts every call, on the form it touched', () => {
    const { world, form } = ballotForm();
    const id = form.getId();
    world.calls.reset();
    form.getResponses();
    form.getItems()[0]!.getTitle();
    expect(world.calls.count('Form.getResponses', id)).toBe(1);
    expect(world.calls.count('*', id)).toBe(3);
    expect(world.calls.list().map((c) => c.method)).toEqual(['Form.getResponses', 'Form.getItems', 'Item.getTitle']);
  });

  it('can share the Sheets world\'s log and fail the n-th call with Apps Script\'s message', () => {
    const sheets = createSheetsWorld();
    const { world, form } = ballotForm({ calls: sheets.calls });
    sheets.calls.failOn('Form.getResponses', 2);
    form.getResponses();
    expect(() => form.getResponses()).toThrow(SERVER_ERROR);
    expect(form.getResponses()).toEqual([]);
    expect(world.calls).toBe(sheets.calls);
  });

  it('returns Dates and throws errors of the sandbox\'s realm when asked to', () => {
    const realm = vm.runInNewContext('({ Date, Error })') as { Date: DateConstructor; Error: ErrorConstructor };
    const { world, form } = ballotForm({ dateIn: (ms) => new realm.Date(ms), errorIn: (m) => new realm.Error(m) });
    world.submit({ at: at(20), answers: answers([['Mayor', 'Ana Diaz']]) });
    const stamp = form.getResponses()[0]!.getTimestamp();
    expect(stamp instanceof Date).toBe(false);
    expect(stamp instanceof realm.Date).toBe(true);
    let caught: unknown;
    try { form.removeDestination().getDestinationId(); } catch (e) { caught = e; }
    expect(caught instanceof realm.Error).toBe(true);
  });
});

describe('MailApp', () => {
  it('sends by arguments or by message object and keeps what was sent', () => {
    const world = createFormsWorld();
    const { MailApp } = world.services;
    MailApp.sendEmail('ana@example.org', 'Your voter code', 'ABCDE-FGHJK');
    MailApp.sendEmail({ to: 'bo@example.org', subject: 'Your voter code', body: 'text', htmlBody: '<b>ZYXWV-UTSRQ</b>', name: 'Springfield Indivisible', replyTo: 'vote@example.org', noReply: true });
    MailApp.sendEmail('cy@example.org', 'Code', 'body', { cc: 'teller@example.org' });
    MailApp.sendEmail('dee@example.org', 'leader@example.org', 'Code', 'body');
    expect(world.mail.sent.map((m) => [m.to, m.subject])).toEqual([
      [['ana@example.org'], 'Your voter code'], [['bo@example.org'], 'Your voter code'], [['cy@example.org'], 'Code'], [['dee@example.org'], 'Code'],
    ]);
    expect(world.mail.to('BO@example.org')[0]).toMatchObject({ htmlBody: '<b>ZYXWV-UTSRQ</b>', name: 'Springfield Indivisible', replyTo: 'vote@example.org', noReply: true });
    expect(world.mail.sent[3]!.replyTo).toBe('leader@example.org');
    expect(world.mail.to('teller@example.org')).toHaveLength(1);
  });

  it('counts every recipient against a daily quota of 100, and refuses beyond it with Apps Script\'s message', () => {
    const world = createFormsWorld();
    const { MailApp } = world.services;
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@example.org, b@example.org', 'Code', 'body', { cc: 'c@example.org' });
    expect(MailApp.getRemainingDailyQuota()).toBe(97);
    for (let i = 0; i < 97; i++) MailApp.sendEmail(`m${i}@example.org`, 'Code', 'body');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('late@example.org', 'Code', 'body')).toThrow(QUOTA_EXCEEDED);
    expect(world.mail.to('late@example.org')).toEqual([]);
  });

  it('lets a mailing stopped by the quota resume the next day where it stopped', () => {
    const world = createFormsWorld({ dailyEmailQuota: 40 });
    const { MailApp } = world.services;
    const members = Array.from({ length: 100 }, (_, i) => `member${i}@example.org`);
    let next = 0;
    const sendWhatQuotaAllows = () => {
      while (next < members.length && MailApp.getRemainingDailyQuota() > 0) MailApp.sendEmail(members[next++]!, 'Code', 'body');
    };
    sendWhatQuotaAllows();
    expect(next).toBe(40);
    world.mail.nextDay();
    sendWhatQuotaAllows();
    world.mail.nextDay();
    sendWhatQuotaAllows();
    expect(world.mail.sent.map((m) => m.to[0])).toEqual(members);
    expect(world.mail.sent.map((m) => m.day).filter((d, i, all) => all.indexOf(d) === i)).toEqual([1, 2, 3]);
  });

  it('refuses a bad address or no recipient, sending nothing', () => {
    const world = createFormsWorld();
    expect(() => world.services.MailApp.sendEmail('not an address', 'Code', 'body')).toThrow('Invalid email: not an address');
    expect(() => world.services.MailApp.sendEmail({ subject: 'Code', body: 'body' })).toThrow(NO_RECIPIENT);
    expect(world.mail.sent).toEqual([]);
    expect(world.services.MailApp.getRemainingDailyQuota()).toBe(100);
  });
});
