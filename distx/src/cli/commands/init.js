import { join } from 'node:path';
import { defineCommand } from '../command.js';
import { CONFIG_FILE_NAME, draftMapping, renderDraft } from '../../data/index.js';
import { ChurnkitError, exists, writeFileAtomic } from '../../util/index.js';
export function register(program) {
    defineCommand(program, 'init', 'draft churnkit.config.json for a folder of exports (Salesforce, HubSpot, Segment, Zendesk, ...)', (cmd) => cmd
        .requiredOption('--data <dir>', 'folder of exported files')
        .option('--out <file>', `where to write the draft (default: <dir>/${CONFIG_FILE_NAME})`)
        .option('--force', 'replace an existing file'), (flags, io) => run(flags, io));
}
export async function run(flags, io) {
    const out = flags.out ?? join(flags.data, CONFIG_FILE_NAME);
    if (!flags.force && (await exists(out)))
        throw new ChurnkitError(`--out ${out} exists; pass --force to replace it (or --out another file)`, 2);
    io.progress.start(`reading the exports in ${flags.data}`);
    const draft = await draftMapping(flags.data);
    await writeFileAtomic(out, renderDraft(draft, flags.data));
    for (const f of draft.files) {
        const what = f.tool ? `${f.tool} ${f.object}` : 'not recognised';
        const to = f.table === 'bridge' ? 'lookup' : (f.table ?? 'not used');
        io.say(`  ${f.file}: ${what} -> ${to}`);
    }
    for (const m of draft.missing)
        io.say(`missing: ${m.table}.${m.column} (candidates: ${m.candidates.slice(0, 6).join(', ') || 'none'})`);
    io.say(`wrote ${out}: ${Object.keys(draft.config.tables ?? {}).length} tables, ${draft.notes.length} notes to check`);
    return {
        ok: true,
        out,
        files: draft.files,
        tables: Object.keys(draft.config.tables ?? {}),
        lookups: Object.keys(draft.config.lookups ?? {}),
        notes: draft.notes,
        missing: draft.missing,
        config: draft.config,
    };
}
//# sourceMappingURL=init.js.map