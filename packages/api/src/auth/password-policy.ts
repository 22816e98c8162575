import { AppError } from '../errors';

// zxcvbn-ts estimates how many guesses a password takes, against dictionaries of passwords leaked in
// breaches, common words and names, keyboard walks, dates and repeats. Score 2 means "guessable in
// under 10^8 guesses offline but safe against throttled online guessing", the level at which
// Dropbox's original zxcvbn called a password acceptable. The dictionaries weigh a few megabytes, so
// they load on the first sign-up or password change, not at start.
const MIN_SCORE = 2;

type Checker = { checkAsync(password: string, userInputs?: string[]): Promise<ZxcvbnResult> };
type ZxcvbnResult = { score: number; feedback: { warning: string | null; suggestions: string[] } };

let checker: Promise<Checker> | undefined;

async function loadChecker(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
}

/**
 * Refuses a password that is on breach lists or otherwise easy to guess (also from the person's own
 * email, name and username, passed as `personal`), with zxcvbn's reason. Length limits are the
 * schema's job.
 */
export async function assertStrongPassword(password: string, personal: readonly string[]): Promise<void> {
  checker ??= loadChecker();
  const result = await (await checker).checkAsync(password, personal.filter(Boolean));
  if (result.score >= MIN_SCORE) return;
  const reason = result.feedback.warning ?? 'It is too easy to guess.';
  const hint = result.feedback.suggestions[0] ?? 'Try a longer phrase of unrelated words.';
  throw new AppError('BAD_REQUEST', `Choose a stronger password. ${reason} ${hint}`);
}
