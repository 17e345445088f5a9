/**
 * Conversations told without a meeting word, as a leader tells them: 「我亲自和习近平讲了」,
 * 「我与习主席谈过」. A principal of the catalogue's meetings named right after 和, 与, 跟 or 同,
 * then (after an optional title) a verb of talking, means the speaker and that principal talked:
 * the verb is a mention, and the evidence and the cues around it say which call or meeting.
 */
import type { FigureSpan, RawMention } from './context';
import type { MeetingWords } from './words';

export function conversationMentions(normalized: string, words: MeetingWords, figures: readonly FigureSpan[], principalIds: ReadonlySet<string>): RawMention[] {
  const found: RawMention[] = [];
  figures.forEach((figure, index) => {
    if (!principalIds.has(figure.figureId) || !words.conversationPartners.has(normalized[figure.start - 1] ?? '')) return;
    const verbAt = figure.end + (words.conversationTitles.startingAt(normalized, figure.end)?.length ?? 0);
    const verb = words.conversationVerbs.startingAt(normalized, verbAt);
    if (!verb) return;
    const speaker = quotedSpeaker(normalized, figure.start - 1, figures.slice(0, index), principalIds);
    found.push({ start: verbAt, end: verbAt + verb.length, kindFrom: figure.end, ...(speaker ? { speaker } : {}) });
  });
  return found;
}

/** How far before the partner word (和) the quote's 我 may stand: 我亲自和, 我也曾和. */
const FIRST_PERSON_REACH = 4;
/** How far before the quote the speaker's name may stand: 拜登周一对记者说：「 */
const SPEAKER_REACH = 30;
const QUOTE_OPENERS = '“「『"';

/**
 * In quoted speech, 我 is whoever the quote is attributed to: the last principal named before the
 * opening quote, on the same line and close to it (拜登说：「我亲自和习近平讲了」).
 */
function quotedSpeaker(normalized: string, partnerAt: number, before: readonly FigureSpan[], principalIds: ReadonlySet<string>): FigureSpan | undefined {
  const firstPerson = normalized.lastIndexOf('我', partnerAt);
  if (firstPerson < 0 || partnerAt - firstPerson > FIRST_PERSON_REACH) return undefined;
  let quote = firstPerson - 1;
  while (quote >= 0 && firstPerson - quote <= SPEAKER_REACH && !QUOTE_OPENERS.includes(normalized[quote]) && normalized[quote] !== '\n') quote--;
  if (quote < 0 || !QUOTE_OPENERS.includes(normalized[quote])) return undefined;
  for (let k = before.length - 1; k >= 0; k--) {
    const figure = before[k];
    if (figure.end > quote) continue;
    if (quote - figure.end > SPEAKER_REACH || normalized.slice(figure.end, quote).includes('\n')) return undefined;
    if (principalIds.has(figure.figureId)) return figure;
  }
  return undefined;
}
