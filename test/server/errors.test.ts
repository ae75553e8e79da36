import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/inputError';
import { parseRules } from '../../src/core/rules';
import { forSidebar, userMessage, UserError } from '../../src/server/errors';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('the message a leader reads', () => {
  it('an input problem names the sheet, the row and the column', () => {
    const error = new InputError({ source: 'Form Responses 1', row: 12, column: 'Timestamp' }, 'not a date: "yesterday"');
    expect(userMessage(error, 'counting the votes')).toBe('Form Responses 1, row 12, column "Timestamp": not a date: "yesterday"');
  });

  it('rules that cannot be used name the setting and where to fix it', () => {
    const error = thrown(() => parseRules({ threshold: 'most' }));
    expect(userMessage(error, 'counting the votes')).toMatch(/^The rules cannot be used: threshold must be like 2\/3.*Open Endorse, step Rules\.$/);
  });

  it('a Google outage says what failed and that nothing changed', () => {
    const outage = Object.assign(new Error("We're sorry, a server error occurred."), { name: 'Exception' });
    expect(userMessage(outage, 'reading the roster')).toBe(
      "Google Sheets failed while reading the roster: We're sorry, a server error occurred. Nothing was changed; try again in a minute.",
    );
  });

  it('a bug is reported as one, in one line without a stack trace', () => {
    const bug = thrown(() => (null as unknown as { races: unknown[] }).races.length);
    const message = userMessage(bug, 'counting the votes');
    expect(message).toMatch(/^Endorse hit an unexpected problem while counting the votes \(TypeError: .*\)\. This is a bug in Endorse/);
    expect(message).not.toContain('\n');
  });

  it('the sidebar gets a plain Error carrying only that message', () => {
    const error = thrown(() => forSidebar('counting the votes', () => { throw new UserError('Choose the roster first.'); }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('Error');
    expect((error as Error).message).toBe('Choose the roster first.');
  });
});
