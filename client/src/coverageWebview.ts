/// <reference lib="dom" />
/**
 * The script of the coverage pages, run inside the webview (bundled with Chart.js to
 * dist/coverageWebview.js). It draws what the extension sends: the comparison of a meeting
 * (a column per outlet, filters, sentences that open their article) or the timeline (articles
 * per week, stacked by outlet, with the meetings marked; a click on a bar lists its articles).
 * Colours come from the editor's theme variables; text from articles is set as text, never HTML.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ActiveElement, type ChartDataset, type ChartEvent, type Plugin } from 'chart.js';
import type { CoverageTimeline, DateWindow, MeetingCoverage, TimelineArticle, TimelineSelection } from '../../server/src/shared/protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const zh = document.documentElement.lang === 'zh';
const WINDOWS: DateWindow[] = ['before', 'during', 'after', 'undated'];
const WINDOW_LABELS: Record<DateWindow, string> = zh ? { before: '会前', during: '会期', after: '会后', undated: '无日期' } : { before: 'before', during: 'during', after: 'after', undated: 'undated' };
const t = (en: string, cn: string) => (zh ? cn : en);

/** Makes an element with text (never HTML) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(key, value);
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}

function link(text: string, onClick: () => void, props: Partial<Record<string, string>> = {}): HTMLAnchorElement {
  const anchor = el('a', { href: '#', ...props }, text);
  anchor.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return anchor;
}

/* ---------- The comparison ---------- */

function renderCoverage(coverage: MeetingCoverage | null, filter: { outlets: string[]; windows: DateWindow[] }): void {
  app.className = '';
  app.replaceChildren();
  if (!coverage) {
    app.append(el('p', { class: 'muted' }, t('This meeting is not in the catalogue.', '目录中没有这次会晤。')));
    return;
  }
  const { meeting } = coverage;
  const beijing = meeting.beijingDate !== meeting.date ? ` (${t('Beijing', '北京时间')} ${meeting.beijingDate})` : '';
  const refresh = el('button', { id: 'refresh' }, t('Refresh', '刷新'));
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  app.append(
    el('h1', { id: 'meeting-title' }, meeting.title.zh),
    el('p', { class: 'muted' }, `${meeting.title.en} · ${meeting.date}${beijing} · ${meeting.place.en}`),
    el(
      'p',
      { id: 'summary' },
      t(`${coverage.articleCount} articles from ${coverage.outlets.length} outlets, ${coverage.sentenceCount} sentences. `, `${coverage.outlets.length} 家媒体 ${coverage.articleCount} 篇文章，${coverage.sentenceCount} 句提及。`),
      coverage.firstOutlets.length ? el('span', { id: 'first' }, `${t('First to cover it', '最先报道')}: ${coverage.firstOutlets.join(', ')} (${coverage.outlets[0]?.first ?? ''})`) : undefined,
    ),
  );

  // Filters: outlets and date windows; an empty choice means all.
  const outletBoxes = coverage.allOutlets.map((outlet) => ({ outlet, box: el('input', { type: 'checkbox', value: outlet }) }));
  for (const { outlet, box } of outletBoxes) box.checked = filter.outlets.includes(outlet);
  const windowBoxes = WINDOWS.map((window) => ({ window, box: el('input', { type: 'checkbox', value: window }) }));
  for (const { window, box } of windowBoxes) box.checked = filter.windows.includes(window);
  const send = () =>
    vscode.postMessage({ type: 'filter', outlets: outletBoxes.filter(({ box }) => box.checked).map(({ outlet }) => outlet), windows: windowBoxes.filter(({ box }) => box.checked).map(({ window }) => window) });
  for (const { box } of [...outletBoxes, ...windowBoxes]) box.addEventListener('change', send);
  app.append(
    el(
      'div',
      { class: 'filters' },
      el('fieldset', { id: 'outlet-filter' }, el('legend', {}, t('Outlets', '媒体')), ...outletBoxes.map(({ outlet, box }) => el('label', {}, box, ` ${outlet}`))),
      el('fieldset', { id: 'window-filter' }, el('legend', {}, t('When', '时间')), ...windowBoxes.map(({ window, box }) => el('label', {}, box, ` ${WINDOW_LABELS[window]} (${coverage.windows[window]})`))),
      refresh,
    ),
  );

  const columns = el('div', { class: 'columns', id: 'outlets' });
  for (const group of coverage.outlets) {
    const column = el('section', { class: 'outlet', 'data-outlet': group.outlet });
    column.append(el('h2', {}, group.outlet, coverage.firstOutlets.includes(group.outlet) ? el('span', { class: 'badge' }, t('first', '最先')) : undefined));
    column.append(el('div', { class: 'muted' }, `${group.articles.length} ${t(group.articles.length === 1 ? 'article' : 'articles', '篇')}${group.first ? ` · ${t('from', '始于')} ${group.first}` : ''}`));
    if (group.people.length) column.append(el('div', { class: 'people' }, `${t('Named', '提及人物')}: ${group.people.map((person) => `${person.zh}${person.zh !== person.en ? ` ${person.en}` : ''} ×${person.sentences}`).join('、')}`));
    for (const article of group.articles) {
      column.append(el('h3', {}, link(article.title, () => vscode.postMessage({ type: 'open', location: article.sentences[0]?.location ?? { uri: article.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } }))));
      column.append(el('div', { class: 'muted' }, `${article.date ?? t('undated', '无日期')} · ${WINDOW_LABELS[article.window]}`));
      const list = el('ul', { class: 'sentences' });
      for (const sentence of article.sentences) {
        const [from, to] = sentence.highlight;
        const anchor = link('', () => vscode.postMessage({ type: 'open', location: sentence.location }), { class: 'sentence', title: `${t('line', '行')} ${sentence.location.range.start.line + 1}` });
        anchor.append(sentence.text.slice(0, from), el('mark', {}, sentence.text.slice(from, to)), sentence.text.slice(to));
        list.append(el('li', {}, anchor));
      }
      column.append(list);
    }
    columns.append(column);
  }
  if (coverage.outlets.length === 0) columns.append(el('p', { class: 'muted' }, t('No article matches these filters.', '没有符合筛选条件的文章。')));
  app.append(columns);
}

/* ---------- The timeline ---------- */

let chart: Chart | undefined;

/** A colour of the theme for series `i`: VS Code's chart colours, then the same hues fainter. */
function seriesColour(i: number): string {
  const names = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];
  const style = getComputedStyle(document.body);
  const fallback = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];
  const base = style.getPropertyValue(`--vscode-charts-${names[i % names.length]}`).trim() || fallback[i % names.length];
  const round = Math.floor(i / names.length);
  return round === 0 ? base : `color-mix(in srgb, ${base} ${Math.max(35, 100 - round * 25)}%, transparent)`;
}

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

interface ChartModel {
  labels: string[];
  mondays: string[];
  datasets: Array<ChartDataset<'bar', number[]> & { selection: Omit<TimelineSelection, 'monday'> }>;
  /** Meeting markers: label index → meeting label. */
  markers: Map<number, string>;
}

/** The weeks from the first to the last non-empty one, with a margin, so a meeting's coverage fills the width. */
function weekRange(used: number[], extra: number[], total: number): [number, number] {
  const all = [...used, ...extra.filter((index) => index >= 0)];
  if (all.length === 0) return [0, Math.max(0, total - 1)];
  const margin = 2;
  return [Math.max(0, Math.min(...all) - margin), Math.min(total - 1, Math.max(...all) + margin)];
}

function model(data: CoverageTimeline, mode: string, key: string): ChartModel {
  const datasets: ChartModel['datasets'] = [];
  let used: number[] = [];
  const meetingWeeks = data.meetings.map((meeting) => meeting.week);
  let focus: number[] = [];
  if (mode === 'person') {
    const person = data.people.find((entry) => entry.id === key) ?? data.people[0];
    if (person) {
      used = person.cells.map(([week]) => week);
      const counts = new Map(person.cells);
      datasets.push({ label: `${person.zh} ${person.en}`, data: [], selection: { figureId: person.id }, backgroundColor: seriesColour(0) });
      (datasets[0] as { counts?: Map<number, number> }).counts = counts;
    }
  } else if (key === '*') {
    // All meetings, one series per meeting (the most covered first, the rest together).
    const ranked = [...data.meetings].sort((a, b) => b.articles - a.articles).slice(0, 12);
    ranked.forEach((meeting, i) => {
      const counts = new Map<number, number>();
      for (const [week, , count] of meeting.cells) counts.set(week, (counts.get(week) ?? 0) + count);
      used.push(...counts.keys());
      datasets.push({ label: meeting.label, data: [], selection: { meetingId: meeting.id }, backgroundColor: seriesColour(i) });
      (datasets[datasets.length - 1] as { counts?: Map<number, number> }).counts = counts;
    });
  } else {
    const meeting = data.meetings.find((entry) => entry.id === key);
    if (meeting) {
      focus = [meeting.week];
      const byOutlet = new Map<number, Map<number, number>>();
      for (const [week, outlet, count] of meeting.cells) {
        const counts = byOutlet.get(outlet) ?? new Map<number, number>();
        counts.set(week, count);
        byOutlet.set(outlet, counts);
        used.push(week);
      }
      [...byOutlet.keys()].sort((a, b) => a - b).forEach((outlet, i) => {
        datasets.push({ label: data.outlets[outlet], data: [], selection: { meetingId: meeting.id, outlet: data.outlets[outlet] }, backgroundColor: seriesColour(i) });
        (datasets[datasets.length - 1] as { counts?: Map<number, number> }).counts = byOutlet.get(outlet)!;
      });
    }
  }
  const [first, last] = weekRange(used, focus, data.weeks.length);
  const labels: string[] = [];
  const mondays: string[] = [];
  for (let index = first; index <= last && data.weeks.length > 0; index++) {
    labels.push(data.weeks[index].week);
    mondays.push(data.weeks[index].monday);
  }
  for (const dataset of datasets) {
    const counts = (dataset as { counts?: Map<number, number> }).counts ?? new Map<number, number>();
    dataset.data = labels.map((_, i) => counts.get(first + i) ?? 0);
    delete (dataset as { counts?: unknown }).counts;
  }
  const markers = new Map<number, string>();
  data.meetings.forEach((meeting, i) => {
    const at = meetingWeeks[i] - first;
    if (meetingWeeks[i] >= 0 && at >= 0 && at < labels.length) markers.set(at, markers.has(at) ? `${markers.get(at)} / ${meeting.date}` : `${meeting.date}`);
  });
  return { labels, mondays, datasets, markers };
}

/** Draws a dashed line and the date at each meeting's week. */
const meetingMarkers: Plugin<'bar'> = {
  id: 'meetingMarkers',
  afterDatasetsDraw(target) {
    const markers = (target.config.options as { markers?: Map<number, string> }).markers;
    if (!markers) return;
    const { ctx, chartArea, scales } = target;
    ctx.save();
    ctx.strokeStyle = themeColour('--vscode-charts-red', '#f14c4c');
    ctx.fillStyle = themeColour('--vscode-foreground', '#ccc');
    ctx.setLineDash([4, 3]);
    ctx.font = `11px ${themeColour('--vscode-font-family', 'sans-serif')}`;
    for (const [index, label] of markers) {
      const x = scales.x.getPixelForValue(index);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(`◆ ${label}`, Math.min(x + 3, chartArea.right - 80), chartArea.top + 10);
    }
    ctx.restore();
    // Where each non-empty bar is drawn, for keyboard-free checks of the page (the end-to-end tests click them).
    const bars: Array<{ x: number; y: number; series: string; week: string }> = [];
    target.data.datasets.forEach((dataset, i) => {
      target.getDatasetMeta(i).data.forEach((element, j) => {
        if (Number(dataset.data[j]) > 0) bars.push({ x: Math.round(element.x), y: Math.round((element.y + (element as unknown as { base: number }).base) / 2), series: String(dataset.label), week: String(target.data.labels?.[j]) });
      });
    });
    target.canvas.dataset.bars = JSON.stringify(bars.slice(0, 500));
  },
};

function renderTimeline(data: CoverageTimeline | null): void {
  app.className = '';
  app.replaceChildren();
  if (!data || data.weeks.length === 0) {
    app.append(el('h1', {}, t('Coverage timeline', '报道时间线')), el('p', { class: 'muted', id: 'empty' }, t('No dated articles in the corpus yet.', '语料库中还没有带日期的文章。')));
    return;
  }
  const mode = el('select', { id: 'mode' }, el('option', { value: 'meeting' }, t('Meetings', '会晤')), el('option', { value: 'person' }, t('People', '人物')));
  const choice = el('select', { id: 'choice' });
  const refresh = el('button', { id: 'refresh' }, t('Refresh', '刷新'));
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  const canvas = el('canvas', { id: 'chart', role: 'img', 'aria-label': t('Articles per week', '每周文章数') });
  const list = el('div', { id: 'bar-articles' });
  app.append(
    el('h1', {}, t('Coverage timeline', '报道时间线')),
    el('p', { class: 'muted', id: 'totals' }, t(`${data.articles} articles (${data.undated} undated), ${data.weeks.length} weeks, ${data.meetings.length} meetings covered.`, `${data.articles} 篇文章（${data.undated} 篇无日期），${data.weeks.length} 周，涉及 ${data.meetings.length} 次会晤。`)),
    el('div', { class: 'controls' }, mode, choice, refresh),
    el('div', { class: 'chart' }, canvas),
    list,
  );
  const fillChoices = () => {
    const options =
      mode.value === 'person'
        ? data.people.map((person) => el('option', { value: person.id }, `${person.zh} ${person.en} (${person.articles})`))
        : [el('option', { value: '*' }, t('All meetings', '全部会晤')), ...[...data.meetings].reverse().map((meeting) => el('option', { value: meeting.id }, `${meeting.date} ${meeting.label} (${meeting.articles})`))];
    choice.replaceChildren(...options);
    // A meeting's own view is the default: it is the one stacked by outlet.
    if (mode.value === 'meeting') {
      const most = [...data.meetings].sort((a, b) => b.articles - a.articles)[0];
      if (most) choice.value = most.id;
    }
  };
  const draw = () => {
    const current = model(data, mode.value, choice.value);
    const foreground = themeColour('--vscode-foreground', '#ccc');
    const grid = themeColour('--vscode-panel-border', 'rgba(128,128,128,0.3)');
    chart?.destroy();
    list.replaceChildren();
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: current.labels, datasets: current.datasets },
      plugins: [meetingMarkers],
      options: {
        markers: current.markers,
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { color: foreground, autoSkip: true, maxRotation: 0 }, grid: { color: grid } },
          y: { stacked: true, beginAtZero: true, ticks: { color: foreground, precision: 0 }, grid: { color: grid }, title: { display: true, text: t('articles per week', '每周文章数'), color: foreground } },
        },
        plugins: { legend: { labels: { color: foreground } }, tooltip: { mode: 'index', intersect: false } },
        onClick(_event: ChartEvent, elements: ActiveElement[]) {
          const hit = elements[0];
          if (!hit) return;
          const dataset = current.datasets[hit.datasetIndex];
          const monday = current.mondays[hit.index];
          const title = `${current.labels[hit.index]} (${monday}) · ${dataset.label ?? ''}`;
          vscode.postMessage({ type: 'bar', selection: { monday, ...dataset.selection }, title });
        },
      } as never,
    });
    canvas.dataset.weeks = String(current.labels.length);
    canvas.dataset.series = current.datasets.map((dataset) => dataset.label).join('|');
    canvas.dataset.total = String(current.datasets.reduce((sum, dataset) => sum + dataset.data.reduce((inner, value) => inner + value, 0), 0));
    canvas.dataset.markers = [...current.markers.values()].join('|');
  };
  mode.addEventListener('change', () => {
    fillChoices();
    draw();
  });
  choice.addEventListener('change', draw);
  fillChoices();
  draw();
}

function renderBar(title: string, articles: TimelineArticle[]): void {
  const list = document.getElementById('bar-articles');
  if (!list) return;
  const items = el('ul', {});
  for (const article of articles) items.append(el('li', {}, link(article.title, () => vscode.postMessage({ type: 'open', location: article.location })), el('span', { class: 'muted' }, ` · ${article.outlet} · ${article.date}`)));
  list.replaceChildren(el('h2', {}, title), articles.length ? items : el('p', { class: 'muted' }, t('No articles.', '没有文章。')));
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type?: string; coverage?: MeetingCoverage | null; filter?: { outlets: string[]; windows: DateWindow[] }; timeline?: CoverageTimeline | null; title?: string; articles?: TimelineArticle[] };
  if (message.type === 'coverage') renderCoverage(message.coverage ?? null, message.filter ?? { outlets: [], windows: [] });
  else if (message.type === 'timeline') renderTimeline(message.timeline ?? null);
  else if (message.type === 'bar') renderBar(message.title ?? '', message.articles ?? []);
});
vscode.postMessage({ type: 'ready' });
