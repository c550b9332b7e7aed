// The chain being edited, drawn as the server draws saved chains (Sources/AttributedCore/Explorer/Chains/
// ChainGraph.swift and TextWrapping.swift: the same geometry, lines, classes and labels), so that the preview is
// what the page will show once saved. Change the two together.

const GRAPH = { width: 340, boxX: 10, boxWidth: 320, padding: 10, lineHeight: 17, gap: 34, perLine: 40, sourcePerLine: 32 };
const FACTUALITY_MEANINGS = { 'CT+': 'certain', 'CT-': 'certainly not', 'PR+': 'probable', 'PR-': 'probably not',
  'PS+': 'possible', 'PS-': 'possibly not', 'CTu': 'certain, but of which is unknown', 'Uu': 'uncommitted' };

function displayName(value) { return value.replace(/_/g, ' '); }
function entityLabel(entity) { return entity.name || entity.descriptor || entity.id; }

function wrapLines(text, width, maxLines) {
  const lines = [];
  let line = [];
  for (const word of text.split(/\s+/).filter(function (w) { return w !== ''; })) {
    let rest = Array.from(word);
    while (rest.length > width) {
      if (line.length) { lines.push(line.join('')); line = []; }
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    if (!line.length) line = rest;
    else if (line.length + 1 + rest.length <= width) line = line.concat([' '], rest);
    else { lines.push(line.join('')); line = rest; }
  }
  if (line.length) lines.push(line.join(''));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = Array.from(kept[maxLines - 1]).slice(0, width - 1).join('') + '…';
  return kept;
}

function identity(entity) {
  const anonymity = displayName(entity.anonymity);
  return entity.kind === entity.anonymity ? anonymity : anonymity + ' ' + entity.kind;
}

// `links`: [{source (an id), entity (the entity or null), cue ({text} or null), mode, attributionType, factuality,
// derivation}], the publication first.
function chainLines(link, position, depth) {
  const entity = link.entity;
  const lines = wrapLines(entity ? entityLabel(entity) : (link.source || ''), GRAPH.sourcePerLine, 4)
    .map(function (text) { return { text: text, role: 'chain-source' }; });
  const place = position === 0 ? 'publication' : position === depth - 1 ? 'origin' : 'relay ' + position;
  lines.push({ text: place + ' · ' + (entity ? identity(entity) : 'unknown entity'), role: 'chain-meta' });
  if (link.cue && link.cue.text) {
    for (const text of wrapLines('cue: “' + link.cue.text + '”', GRAPH.perLine, 2)) lines.push({ text: text, role: 'chain-cue' });
  }
  lines.push({ text: displayName(link.mode) + ' · ' + displayName(link.attributionType), role: 'chain-mode' });
  lines.push({ text: 'factuality ' + link.factuality + ' (' + FACTUALITY_MEANINGS[link.factuality] + ')', role: 'chain-factuality' });
  return lines;
}

function drawChain(claimId, links) {
  const boxes = links.map(function (link, position) { return chainLines(link, position, links.length); });
  const heights = boxes.map(function (lines) { return 2 * GRAPH.padding + lines.length * GRAPH.lineHeight; });
  const height = heights.reduce(function (a, b) { return a + b; }, 0) + GRAPH.gap * (boxes.length - 1) + 2 * GRAPH.boxX;
  const graph = svg('svg', { class: 'chain-graph', viewBox: '0 0 ' + GRAPH.width + ' ' + height, width: GRAPH.width, height: height,
    role: 'img', 'aria-label': 'Attribution chain of claim ' + claimId + ': ' + links.length + (links.length === 1 ? ' link' : ' links') +
      ', from the publication down to the origin' });
  let y = GRAPH.boxX;
  links.forEach(function (link, position) {
    if (position > 0) graph.append(drawArrow(y - GRAPH.gap, y, link.derivation || (link.mode === 'direct_quote' ? 'quotation' : 'paraphrase')));
    const group = svg('g', { class: 'chain-link anonymity-' + (link.entity ? link.entity.anonymity : 'unspecified'),
                             'data-position': position, 'data-source-id': link.source || '' });
    group.append(svg('rect', { class: 'chain-box', x: GRAPH.boxX, y: y, width: GRAPH.boxWidth, height: heights[position], rx: 6 }));
    boxes[position].forEach(function (line, index) {
      group.append(svg('text', { class: line.role, x: GRAPH.boxX + GRAPH.padding,
                                 y: y + GRAPH.padding + (index + 1) * GRAPH.lineHeight - 4 }, line.text));
    });
    graph.append(group);
    y += heights[position] + GRAPH.gap;
  });
  return graph;
}

function drawArrow(top, bottom, derivation) {
  const x = GRAPH.width / 2;
  const group = svg('g', { class: 'chain-arrow' });
  group.append(svg('line', { x1: x, y1: top + 2, x2: x, y2: bottom - 8 }));
  group.append(svg('polygon', { points: (x - 5) + ',' + (bottom - 9) + ' ' + (x + 5) + ',' + (bottom - 9) + ' ' + x + ',' + (bottom - 1) }));
  if (derivation) group.append(svg('text', { x: x + 10, y: (top + bottom) / 2 + 4 }, displayName(derivation)));
  return group;
}
