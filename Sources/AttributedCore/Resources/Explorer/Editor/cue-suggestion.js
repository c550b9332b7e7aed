// The cue the editor proposes for selected words: the reporting verb or phrase of the lexicon
// (reporting-cues.json) nearest to them, in the same sentence if there is one there, or a colon right after a
// speaker ("Khan: “…”"); with the mode it implies (a quoted selection with a speech verb is a direct quote).
// Pure: text and ranges in, a suggestion out (UTF-16 offsets), so that scripts/measure-cue-suggestions runs it on
// a corpus outside the browser.

const QUOTE_MARKS = '"“”‘’\'«»';
const SENTENCE_END = /[.!?]["”’»)]*\s/g;

// Each form of the lexicon as a pattern of whole words, built once per lexicon.
function cuePatterns(lexicon) {
  if (lexicon.patterns) return lexicon.patterns;
  lexicon.patterns = [];
  for (const entry of lexicon.cues) {
    for (const form of entry.forms) {
      const words = form.split(' ').map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
      lexicon.patterns.push({ entry: entry, pattern: new RegExp('(?<![\\p{L}\\p{N}])' + words.join('\\s+') + '(?![\\p{L}\\p{N}])', 'giu') });
    }
  }
  return lexicon.patterns;
}

// Every occurrence of the lexicon's forms in the text, kept for the last text asked about (selections in one article
// reuse it).
function lexiconMatches(text, lexicon) {
  if (lexicon.matchesOf === text) return lexicon.matches;
  const matches = [];
  for (const { entry, pattern } of cuePatterns(lexicon)) {
    pattern.lastIndex = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) matches.push({ start: match.index, end: match.index + match[0].length, entry: entry });
  }
  lexicon.matchesOf = text;
  lexicon.matches = matches;
  return matches;
}

function sentenceBreaks(text, from, to) {
  const between = text.slice(Math.min(from, to), Math.max(from, to));
  return (between.match(SENTENCE_END) || []).length;
}

// Whether the selected words stand in quotation marks: a mark just before or after a segment (after its closing
// punctuation: `attacks,”`), or at its start.
function isQuoted(text, segments) {
  return segments.some(function (segment) {
    const before = text.slice(Math.max(0, segment.start - 2), segment.start).trim();
    const after = text.slice(segment.end, segment.end + 3).replace(/^[,.!?;:]+/, '').trim();
    const first = text[segment.start];
    return QUOTE_MARKS.indexOf(before.slice(-1)) !== -1 || QUOTE_MARKS.indexOf(after.slice(0, 1)) !== -1 ||
      (first !== undefined && QUOTE_MARKS.indexOf(first) !== -1);
  });
}

function isBetter(score, than) {
  for (let i = 0; i < score.length; i++) if (score[i] !== than[i]) return score[i] < than[i];
  return false;
}

// `segments`: the selected ranges in text order. Returns {start, end, text, mode, attributionType} or null.
function suggestCue(text, segments, lexicon) {
  if (!segments.length) return null;
  const cover = { start: segments[0].start, end: segments[segments.length - 1].end };
  const inSegment = function (start, end) {
    return segments.some(function (s) { return start < s.end && end > s.start; });
  };
  const quoted = isQuoted(text, segments);
  let best = null;
  const consider = function (start, end, entry) {
    if (inSegment(start, end)) return;
    const distance = end <= cover.start ? cover.start - end : start >= cover.end ? start - cover.end : 0;
    const breaks = distance === 0 ? 0 : start >= cover.end ? sentenceBreaks(text, cover.end, start) : sentenceBreaks(text, end, cover.start);
    // Within the sentence beats across sentences; then the nearest (between two segments: the first there); then
    // the longer phrase ("said in a statement" over "said").
    const score = [breaks, distance, distance === 0 ? start : 0, -(end - start)];
    if (best === null || isBetter(score, best.score)) best = { start: start, end: end, entry: entry, score: score };
  };
  for (const match of lexiconMatches(text, lexicon)) consider(match.start, match.end, match.entry);
  // "Khan: “…”": a colon just before the words, after a speaker.
  const lead = text.slice(Math.max(0, cover.start - 4), cover.start);
  const colon = lead.lastIndexOf(':');
  if (colon !== -1 && /^[\s"“‘']*$/.test(lead.slice(colon + 1))) {
    const at = cover.start - lead.length + colon;
    consider(at, at + 1, { mode: 'indirect_speech', quotes: true, colon: true });
  }
  if (best === null) return null;
  const entry = best.entry;
  const mode = quoted && entry.quotes ? 'direct_quote' : entry.mode;
  return { start: best.start, end: best.end, text: text.slice(best.start, best.end), mode: mode,
           attributionType: entry.attributionType || 'assertion' };
}
