import { defineCommand } from '../command.js';
import { UsageError } from '../../util/index.js';
import { assertNotAnInput, writeFileAtomic } from '../../util/index.js';
import { loadScorecard } from '../../scorecard/index.js';
import { loadModel } from '../../learn/index.js';
import { compileScorecardSql, SQL_ENGINES } from '../../warehouse/index.js';
async function run(flags, io) {
    if (!SQL_ENGINES.includes(flags.dialect))
        throw new UsageError(`--dialect must be one of ${SQL_ENGINES.join(', ')}, got "${flags.dialect}"`);
    if (!/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/.test(flags.table))
        throw new UsageError(`--table must be a table name or schema.table, got "${flags.table}"`);
    const card = await loadScorecard(flags.scorecard);
    // An embedded logistic or mlp model comes along as `model_probability`; trees do not (yet).
    let model;
    if (card.model) {
        if (card.model.family === 'gbdt')
            io.warn('the embedded gbdt model is not compiled to SQL (only logistic and mlp are); the query has no model_probability');
        else
            model = await loadModel(card.model);
    }
    const sql = compileScorecardSql(card, {
        dialect: flags.dialect,
        table: flags.table,
        ...(model ? { model } : {}),
    });
    if (flags.out) {
        await assertNotAnInput(flags.out, { inputs: [flags.scorecard] });
        await writeFileAtomic(flags.out, sql);
        io.say(`wrote ${flags.out}: the scorecard as one ${flags.dialect} query over ${flags.table}`);
    }
    else if (!io.json)
        process.stdout.write(sql);
    return {
        ok: true,
        dialect: flags.dialect,
        table: flags.table,
        model: model?.family ?? null,
        out: flags.out ?? null,
        ...(flags.out ? {} : { sql }),
    };
}
export function register(program) {
    defineCommand(program, 'export-sql', 'compile a scorecard to one SQL query over a feature table (DuckDB or PostgreSQL)', (cmd) => cmd
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json), default or preset:NAME')
        .requiredOption('--dialect <name>', 'duckdb or postgres')
        .option('--table <name>', 'the feature table (or view) to score, optionally schema.table', 'features')
        .option('--out <file>', 'write the SQL here instead of stdout'), run);
}
//# sourceMappingURL=export-sql.js.map