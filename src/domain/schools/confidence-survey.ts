/**
 * A short survey of how confident school staff feel about pupils' mental health, taken before and
 * after the mental health support team's work with a school. Answers are anonymous, so results for
 * small groups are held back: with fewer than 8 people, a head teacher could work out who said what.
 */

export const SURVEY_MIN_RESPONSES = 8;

export const confidenceStatements: readonly { id: string; text: string }[] = [
  { id: 'spot-signs', text: "I can spot the signs that a pupil's mental health is getting worse" },
  { id: 'talk-to-pupil', text: 'I feel confident talking to a pupil about their mental health' },
  { id: 'know-where-to-go', text: 'I know how to get help for a pupil from the mental health support team' },
  { id: 'whole-school', text: "Our school has a clear plan for supporting pupils' mental health" },
  { id: 'own-wellbeing', text: 'I know where to get support for my own wellbeing' },
];

export const agreementScale: readonly { value: 1 | 2 | 3 | 4 | 5; label: string }[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** Statement id to a rating from 1 to 5; a statement someone skipped is simply missing. */
export type SurveyAnswers = Record<string, number>;

export interface SurveyResult {
  responseCount: number;
  isSuppressed: boolean;
  statements: {
    id: string;
    text: string;
    /** Average rating, to one decimal place. */
    meanScore: number | null;
    /** Share answering agree or strongly agree, as a whole percent. */
    agreePercent: number | null;
    answered: number | null;
  }[];
}

const isRating = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Fewer than 8 responses: suppressed, every figure null (responseCount still given for staff to see that it is below 8). A statement answered by fewer than 8 is null even when the survey is not suppressed. */
export function surveyResult(responses: readonly SurveyAnswers[]): SurveyResult {
  const isSuppressed = responses.length < SURVEY_MIN_RESPONSES;
  return {
    responseCount: responses.length,
    isSuppressed,
    statements: confidenceStatements.map(({ id, text }) => {
      const ratings = responses.map((answers) => answers[id]).filter(isRating);
      // The number who answered is held back too: on its own it can say who skipped a question.
      if (isSuppressed || ratings.length < SURVEY_MIN_RESPONSES) {
        return { id, text, meanScore: null, agreePercent: null, answered: null };
      }
      const total = ratings.reduce((sum, rating) => sum + rating, 0);
      const agreeing = ratings.filter((rating) => rating >= 4).length;
      return {
        id,
        text,
        meanScore: oneDecimal(total / ratings.length),
        agreePercent: Math.round((100 * agreeing) / ratings.length),
        answered: ratings.length,
      };
    }),
  };
}

export interface SurveyChange {
  statementId: string;
  before: number | null;
  after: number | null;
  change: number | null;
}

/** Mean-score change between two results; null whenever either side is suppressed. */
export function surveyChange(before: SurveyResult, after: SurveyResult): SurveyChange[] {
  const meanOf = (result: SurveyResult, id: string) =>
    result.isSuppressed
      ? null
      : (result.statements.find((statement) => statement.id === id)?.meanScore ?? null);
  return confidenceStatements.map(({ id }) => {
    const was = meanOf(before, id);
    const now = meanOf(after, id);
    // From the rounded means people see, so the change shown always matches the two figures beside it.
    return {
      statementId: id,
      before: was,
      after: now,
      change: was === null || now === null ? null : oneDecimal(now - was),
    };
  });
}

const statementIds = new Set(confidenceStatements.map((statement) => statement.id));

/** A plain object of known statements, each rated 1 to 5; a response that skips every statement is allowed. */
export function isValidAnswers(answers: unknown): answers is SurveyAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return false;
  const prototype = Object.getPrototypeOf(answers);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.entries(answers).every(([id, value]) => statementIds.has(id) && isRating(value));
}
