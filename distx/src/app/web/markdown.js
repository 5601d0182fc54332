/**
 * The Markdown churnkit writes (diff.md: headings, paragraphs, bold, tables) as elements, built
 * with preact so that no text is ever parsed as HTML.
 */
import { html } from 'htm/preact';
function inline(text) {
    return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part) => {
        if (part.startsWith('**') && part.endsWith('**'))
            return html `<b>${part.slice(2, -2)}</b>`;
        if (part.startsWith('`') && part.endsWith('`'))
            return html `<code>${part.slice(1, -1)}</code>`;
        return part;
    });
}
const cells = (line) => line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
export function Markdown({ text, id }) {
    const blocks = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '')
            continue;
        const heading = /^(#{1,3}) (.*)$/.exec(line);
        if (heading) {
            blocks.push(heading[1].length === 1 ? html `<h2>${inline(heading[2])}</h2>` : html `<h3>${inline(heading[2])}</h3>`);
            continue;
        }
        if (line.startsWith('|')) {
            const rows = [];
            const right = [];
            for (; i < lines.length && lines[i].startsWith('|'); i++) {
                const row = cells(lines[i]);
                if (row.every((c) => /^:?-+:?$/.test(c)))
                    row.forEach((c, k) => (right[k] = c.endsWith(':')));
                else
                    rows.push(row);
            }
            i--;
            const [head, ...body] = rows;
            blocks.push(html `<table>
        <thead><tr>${(head ?? []).map((c, k) => html `<th class=${right[k] ? 'num' : ''}>${inline(c)}</th>`)}</tr></thead>
        <tbody>${body.map((r) => html `<tr>${r.map((c, k) => html `<td class=${right[k] ? 'num' : ''}>${inline(c)}</td>`)}</tr>`)}</tbody>
      </table>`);
            continue;
        }
        blocks.push(html `<p>${inline(line.replace(/^- /, '• '))}</p>`);
    }
    return html `<div class="markdown" id=${id}>${blocks}</div>`;
}
