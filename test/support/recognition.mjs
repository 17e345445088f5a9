// Helpers the recognition tests share: what a figure matcher learned, and meetings linked in a
// short body with the built-in (or a given) knowledge.
import { core } from './core.mjs';

/** The people `matcher` learned in `text`, as `name@start-end` of their first mention, in text order. */
export function learnedBy(matcher, text, date) {
  const result = matcher.recognize(text, core.normalizeForMatching(text), undefined, date);
  const ids = new Set(result.learned.map((figure) => figure.id));
  const seen = new Set();
  const out = [];
  for (const mention of result.mentions) {
    if (!ids.has(mention.figureId) || seen.has(mention.figureId)) continue;
    seen.add(mention.figureId);
    out.push(`${mention.text}@${mention.start}-${mention.end}`);
  }
  return out;
}

export const builtinKnowledge = new core.Knowledge({});

/** Links the meetings in `body` (after a title line), from the figures the figure recogniser finds there. */
export function linkMeetings(body, articleDate, knowledge = builtinKnowledge) {
  const text = `标题\n\n${body}`;
  const normalized = core.normalizeForMatching(text);
  const figures = knowledge.matcher.recognize(text, normalized).mentions;
  return core.recognizeMeetings({ text, normalized, articleDate, figures }, knowledge);
}

export const meetingIdsOf = (result) => [...new Set(result.mentions.map((mention) => mention.meetingId))].sort();
export const meetingMentionOf = (result, text) => result.mentions.find((mention) => mention.text === text);
