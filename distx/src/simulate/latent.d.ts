/**
 * The latent account health behind everything an account does. There is one health per layer
 * of the scorecard (usage, engagement, relationship, outcome), each the sum of a shared
 * company-level part and a layer-specific part, so the layers move together somewhat but each
 * can decline on its own. That is what lets a truth where one layer drives churn be told apart
 * from one where another does: a layer's features measure mostly its own health.
 *
 * Every part has momentum (a persistent velocity, so a fall tends to continue) and occasional
 * decline episodes (a reorg, a budget cut, a competitor pilot, an unresponsive sponsor) that
 * pull it down for one to three months; it reverts slowly towards the account's baseline.
 */
import type { SimRng as Rng } from './random.js';
export declare const H_USAGE = 0;
export declare const H_ENGAGEMENT = 1;
export declare const H_RELATIONSHIP = 2;
export declare const H_OUTCOME = 3;
export declare const LATENT: {
    /** Weight of the shared part in each layer's health. */
    readonly sharedWeight: 0.6;
    /** Spread of the account's baseline: shared and per layer. */
    readonly fitSharedSd: 0.3;
    readonly fitLayerSd: 0.3;
    /** Velocity: AR(1) with this persistence and innovation sd; the level reverts with this time constant (days). */
    readonly velocityPersistence: 0.985;
    readonly velocitySd: 0.0025;
    readonly reversionDays: 150;
    /** Decline episodes per day, per layer (usage, engagement, relationship, outcome) and shared; duration 30-90 days, slope per day. */
    readonly episodeRate: readonly [number, number, number, number];
    readonly sharedEpisodeRate: number;
    readonly episodeSlope: readonly [0.015, 0.04];
    /** Day-to-day noise of usage health (AR(1), 4-day memory). */
    readonly usageNoiseSd: 0.1;
    /** Shocks decay with this daily factor and are bounded below. */
    readonly shockDecay: number;
    readonly shockFloor: -1.5;
};
export declare class LatentHealth {
    /** Today's health per layer, clamped to [-3, 3]. */
    readonly health: Float64Array<ArrayBuffer>;
    private readonly fit;
    private readonly drift;
    private readonly velocity;
    private readonly episodeLeft;
    private readonly episodeSlope;
    private readonly shocks;
    private usageNoise;
    reset(rng: Rng, offset: number): void;
    step(rng: Rng): void;
    /** A sudden change of one layer's health (a champion leaving, an escalation), decaying over weeks. */
    shock(layer: number, amount: number): void;
    private compose;
}
