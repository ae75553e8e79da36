/**
 * What a group sends after the vote, to three audiences in order (DOMAIN.md,
 * "After the vote"): its members first, then every candidate, then the press.
 * The default templates are Markdown in our own words; a group copies them and
 * makes them its own. The facts they use are listed, with what each one holds,
 * by `placeholderList()`, for the README and the sidebar.
 */
import { truthy, type Facts } from './template';

export type Audience = 'members' | 'candidates' | 'press';

export interface DefaultTemplate {
  audience: Audience;
  /** The Doc's title before the race and date are added. */
  title: string;
  markdown: string;
}

/** How a placeholder is used: text in `{{name}}`, yes/no in `{{#if}}`, a list in a repeated row or `{{#each}}`. */
export type PlaceholderKind = 'text' | 'yes/no' | 'list';

export interface Placeholder {
  name: string;
  kind: PlaceholderKind;
  description: string;
  /** A value as the caller would format it, for the reference and the sidebar. */
  example: string;
}

const PLACEHOLDERS: readonly Placeholder[] = [
  { name: 'group', kind: 'text', description: "The group's name, as the rules state it.", example: 'Riverside Indivisible' },
  { name: 'race', kind: 'text', description: 'The race the members voted on.', example: 'District Attorney' },
  { name: 'endorsed', kind: 'text', description: 'The endorsed candidate (several joined with "and"); empty when the group does not endorse, so {{#if endorsed}} picks the outcome.', example: 'Ana Diaz' },
  { name: 'endorsedList', kind: 'list', description: 'The endorsed candidates, one item each with endorsedList.name; empty when none.', example: '' },
  { name: 'endorsedList.name', kind: 'text', description: 'An endorsed candidate, inside {{#each endorsedList}}.', example: 'Ana Diaz' },
  { name: 'outcome', kind: 'text', description: 'The outcome in a few words.', example: 'Ana Diaz endorsed' },
  { name: 'summary', kind: 'text', description: 'The one-sentence result the count states, with the deciding votes and the threshold.', example: 'Ana Diaz is endorsed with 38 of 52 votes (73.1%) in the runoff; two-thirds were needed.' },
  { name: 'threshold', kind: 'text', description: 'The threshold as the rules write it.', example: '2/3' },
  { name: 'thresholdWords', kind: 'text', description: 'The threshold in words, as the rules word the comparison.', example: 'at least two-thirds of the votes cast' },
  { name: 'decidingVotes', kind: 'text', description: "Votes for the endorsed candidate (or the leader, when none) in the deciding round.", example: '38' },
  { name: 'decidingShare', kind: 'text', description: 'Those votes as a share of the votes cast in that round, for display.', example: '73.1%' },
  { name: 'votesCast', kind: 'text', description: 'Votes cast in the deciding round, blanks not counted (Robert\'s Rules).', example: '52' },
  { name: 'turnout', kind: 'text', description: 'The share of eligible members who voted; empty when there is no roster.', example: '68%' },
  { name: 'roundsCount', kind: 'text', description: 'How many rounds were counted.', example: '2' },
  { name: 'voteDate', kind: 'text', description: 'The day the vote closed.', example: 'May 27, 2026' },
  { name: 'announcementDate', kind: 'text', description: 'The day this text is sent.', example: 'May 29, 2026' },
  { name: 'embargo', kind: 'text', description: 'When the press may publish; empty for no embargo, so {{#if embargo}} adds the notice.', example: 'June 2, 2026, 9:00 AM' },
  { name: 'candidate', kind: 'list', description: 'Every candidate on the ballot, the endorsed first; a table row with {{candidate.*}} repeats for each. In a letter, the one candidate it is addressed to.', example: '' },
  { name: 'candidate.name', kind: 'text', description: "The candidate's name as written on the ballot.", example: 'Ben Okafor' },
  { name: 'candidate.endorsed', kind: 'yes/no', description: 'Whether the group endorses this candidate, for {{#if candidate.endorsed}}.', example: '' },
  { name: 'candidate.votes', kind: 'text', description: 'Votes for the candidate in the last round they were counted in.', example: '14' },
  { name: 'candidate.share', kind: 'text', description: 'Those votes as a share of that round, for display.', example: '26.9%' },
  { name: 'round', kind: 'list', description: 'The count, one item per option in each round; a table row with {{round.*}} repeats for each.', example: '' },
  { name: 'round.label', kind: 'text', description: 'Which round.', example: 'Runoff' },
  { name: 'round.option', kind: 'text', description: 'A candidate, or "No endorsement" when it is on the ballot.', example: 'Ana Diaz' },
  { name: 'round.votes', kind: 'text', description: 'Votes for that option in that round.', example: '38' },
  { name: 'round.share', kind: 'text', description: 'Their share of the votes cast in that round, for display.', example: '73.1%' },
  { name: 'round.decision', kind: 'text', description: 'What the round decided for that option; empty when nothing.', example: 'endorsed' },
];

/** Every fact a template may use, with what it holds, in the order the reference lists them. */
export function placeholderList(): Placeholder[] {
  return PLACEHOLDERS.map((p) => ({ ...p }));
}

const MEMBERS = `{{announcementDate}}

# {{#if endorsed}}Our members endorse {{endorsed}} for {{race}}{{else}}No endorsement for {{race}}{{/if}}

To the members of {{group}},

{{#if endorsed}}
The vote closed on {{voteDate}}, and the result is in: {{group}} endorses **{{endorsed}}** for {{race}}. {{summary}}
{{else}}
The vote closed on {{voteDate}}. No candidate reached the threshold we agreed on, so {{group}} makes no endorsement for {{race}}. {{summary}}
{{/if}}

## How we decided

We fixed the rules and shared them before anyone voted. Every eligible member had one ballot, and a candidate needed {{thresholdWords}} to be endorsed. {{votesCast}} votes were cast in the deciding round{{#if turnout}}, a turnout of {{turnout}}{{/if}}. Here is the count, round by round:

| Round | Choice | Votes | Share |
|---|---|--:|--:|
| {{round.label}} | {{round.option}} | {{round.votes}} | {{round.share}} |

## What comes next

{{#if endorsed}}
You are hearing this first. Next we write to every candidate, and then we tell the press, so please keep the news within the group until the public announcement. After that, an endorsement is only as strong as the work behind it: watch for canvassing and phone-bank shifts for {{endorsed}}, and bring a friend.
{{else}}
Not endorsing is a real and respectable result: it tells candidates our support has to be earned by a wide margin. We will thank every candidate who answered our questionnaire, and keep organizing on the issues that brought us together.
{{/if}}

Thank you to everyone who voted. Questions about the count are welcome: every ballot counted or set aside can be explained.
`;

const CANDIDATES = `{{announcementDate}}

Dear {{candidate.name}},

{{#if candidate.endorsed}}
On behalf of the members of {{group}}, congratulations: in a vote that closed on {{voteDate}}, our members chose to endorse you for {{race}}. {{summary}}

Our members heard first; the press will hear next{{#if embargo}}, with an embargo until {{embargo}}{{/if}}. Please hold any public statement until then. We would like to talk with your campaign soon about how our members can help, from canvassing to phone banks.
{{else}}
Thank you for answering our questionnaire and for the time you gave our members. In a vote that closed on {{voteDate}}, {{#if endorsed}}our members chose to endorse {{endorsed}} for {{race}}{{else}}no candidate reached the threshold our members set in advance ({{thresholdWords}}), so we make no endorsement for {{race}}{{/if}}.

We are grateful for your campaign and hope to keep working with you on the issues we share.
{{/if}}

With our thanks,

[Your name], for {{group}}
`;

const PRESS = `{{#if embargo}}
**EMBARGOED UNTIL {{embargo}}**

{{/if}}
# {{#if endorsed}}{{group}} endorses {{endorsed}} for {{race}}{{else}}{{group}} makes no endorsement for {{race}}{{/if}}

{{#if endorsed}}
{{announcementDate}}: the members of {{group}} have voted to endorse {{endorsed}} for {{race}}. {{endorsed}} won {{decidingShare}} of the votes cast, above the bar our members set before the vote: {{thresholdWords}}.

"[A member's words: why {{endorsed}}, and why now.]" said [member's name], [neighborhood or role]. "[A second member's words, if you have them.]"

Our members are ready to knock on doors and make calls for {{endorsed}}, and we can't wait to get started.
{{else}}
{{announcementDate}}: the members of {{group}} voted on an endorsement for {{race}}. No candidate reached the bar our members set before the vote ({{thresholdWords}}), so the group makes no endorsement in this race.

"[A member's words on what the group stands for.]" said [member's name], [neighborhood or role].

We thank every candidate who answered our questionnaire, and we will keep organizing on the issues our members care about.
{{/if}}

Media contact: [name, e-mail, phone]
`;

/** The three default templates, in the order they are sent: members, candidates, press. */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  { audience: 'members', title: "Members' statement", markdown: MEMBERS },
  { audience: 'candidates', title: 'Letter to candidates', markdown: CANDIDATES },
  { audience: 'press', title: 'Press release', markdown: PRESS },
];

/**
 * The facts of each letter to candidates, one per candidate, the endorsed first
 * (DOMAIN.md: the endorsed candidate hears first, then every other is thanked).
 * Each has the shared facts and `candidate` holding that one candidate.
 */
export function letterFacts(facts: Facts): Facts[] {
  const candidates = Array.isArray(facts['candidate']) ? facts['candidate'] : [];
  const endorsed = (c: Facts): boolean => truthy(c['endorsed']);
  return candidates
    .filter(endorsed)
    .concat(candidates.filter((c) => !endorsed(c)))
    .map((c) => ({ ...facts, candidate: [c] }));
}
