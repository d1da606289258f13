import type { GoalsInstrument, Instrument, QuestionnaireInstrument } from './instrument.js';

/**
 * The instruments Lantern ships: only those free to use (DOMAIN.md "Outcome measures").
 * RCADS, SDQ, YP-CORE and ORS/CORS are licensed and must never appear here; an organisation with a
 * licence loads them from its own definition file (load-instrument.ts).
 */

/** The standard PHQ and GAD answer options: how often, over the last two weeks. */
const howOften = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const pfizerLicence = {
  note: 'Free to use. No permission is required to reproduce, translate, display or distribute.',
  attribution:
    'Developed by Drs Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.',
};

const lastTwoWeeks =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

const items = (prefix: string, texts: readonly string[]) =>
  texts.map((text, i) => ({ id: `${prefix}-${i + 1}`, text, options: howOften }));

export const PHQ9: QuestionnaireInstrument = {
  kind: 'questionnaire',
  id: 'phq-9',
  name: 'Patient Health Questionnaire (PHQ-9)',
  version: '1',
  licence: pfizerLicence,
  respondents: ['self'],
  instructions: lastTwoWeeks,
  items: items('phq9', [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ]),
  scoring: {
    total: 'sum',
    subscales: [],
    bands: [
      { min: 0, label: 'None or minimal' },
      { min: 5, label: 'Mild' },
      { min: 10, label: 'Moderate' },
      { min: 15, label: 'Moderately severe' },
      { min: 20, label: 'Severe' },
    ],
    reliableChange: 6,
    direction: 'higher-is-worse',
  },
};

export const GAD7: QuestionnaireInstrument = {
  kind: 'questionnaire',
  id: 'gad-7',
  name: 'Generalised Anxiety Disorder Assessment (GAD-7)',
  version: '1',
  licence: pfizerLicence,
  respondents: ['self'],
  instructions: lastTwoWeeks,
  items: items('gad7', [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ]),
  scoring: {
    total: 'sum',
    subscales: [],
    bands: [
      { min: 0, label: 'Minimal' },
      { min: 5, label: 'Mild' },
      { min: 10, label: 'Moderate' },
      { min: 15, label: 'Severe' },
    ],
    reliableChange: 4,
    direction: 'higher-is-worse',
  },
};

/** The GBO format is free to use with attribution; the goals themselves are the young person's. */
export const GBO: GoalsInstrument = {
  kind: 'goals',
  id: 'gbo',
  name: 'Goal Based Outcomes (GBO)',
  version: '1',
  licence: {
    note: 'The format is free to use with attribution. Goals are written in the young person’s own words.',
    attribution:
      'Goal Based Outcomes (GBO) tool, Duncan Law and the Child Outcomes Research Consortium (CORC), corc.uk.net.',
  },
  respondents: ['self'],
  instructions: 'How close are you to reaching this goal? 0 means not at all, 10 means you have reached it.',
  maxGoals: 3,
  rating: { min: 0, max: 10 },
  reliableChange: 3,
  direction: 'higher-is-better',
};

export const shippedInstruments: readonly Instrument[] = [PHQ9, GAD7, GBO];
