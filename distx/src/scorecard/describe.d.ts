import type { Condition, Override } from './schema.js';
/** A condition as a phrase: "the champion left and has not been replaced and the score is below 60". */
export declare function describeCondition(c: Condition): string;
/** What an override does, with its value: "cap the score at 63.3". */
export declare function describeAction(o: Override): string;
/** "When the champion left and has not been replaced: cap the score at 63.3." */
export declare function describeOverride(o: Override): string;
