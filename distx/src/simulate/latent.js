export const H_USAGE = 0;
export const H_ENGAGEMENT = 1;
export const H_RELATIONSHIP = 2;
export const H_OUTCOME = 3;
const LAYERS = 4;
/** Index of the shared component in the per-part arrays. */
const SHARED = 4;
export const LATENT = {
    /** Weight of the shared part in each layer's health. */
    sharedWeight: 0.6,
    /** Spread of the account's baseline: shared and per layer. */
    fitSharedSd: 0.3,
    fitLayerSd: 0.3,
    /** Velocity: AR(1) with this persistence and innovation sd; the level reverts with this time constant (days). */
    velocityPersistence: 0.985,
    velocitySd: 0.0025,
    reversionDays: 150,
    /** Decline episodes per day, per layer (usage, engagement, relationship, outcome) and shared; duration 30-90 days, slope per day. */
    episodeRate: [1 / 900, 1 / 2000, 1 / 2000, 1 / 2000],
    sharedEpisodeRate: 1 / 2500,
    episodeSlope: [0.015, 0.04],
    /** Day-to-day noise of usage health (AR(1), 4-day memory). */
    usageNoiseSd: 0.1,
    /** Shocks decay with this daily factor and are bounded below. */
    shockDecay: 44 / 45,
    shockFloor: -1.5,
};
export class LatentHealth {
    /** Today's health per layer, clamped to [-3, 3]. */
    health = new Float64Array(LAYERS);
    fit = new Float64Array(LAYERS);
    drift = new Float64Array(LAYERS + 1);
    velocity = new Float64Array(LAYERS + 1);
    episodeLeft = new Int32Array(LAYERS + 1);
    episodeSlope = new Float64Array(LAYERS + 1);
    shocks = new Float64Array(LAYERS);
    usageNoise = 0;
    reset(rng, offset) {
        const shared = offset + rng.normal(0, LATENT.fitSharedSd);
        for (let k = 0; k < LAYERS; k++)
            this.fit[k] = shared + rng.normal(0, LATENT.fitLayerSd);
        this.drift.fill(0);
        this.velocity.fill(0);
        this.episodeLeft.fill(0);
        this.shocks.fill(0);
        this.usageNoise = 0;
        this.compose();
    }
    step(rng) {
        const L = LATENT;
        for (let k = 0; k <= LAYERS; k++) {
            this.velocity[k] = L.velocityPersistence * this.velocity[k] + L.velocitySd * rng.normal();
            let d = this.drift[k] + this.velocity[k] - this.drift[k] / L.reversionDays;
            if (this.episodeLeft[k] > 0) {
                this.episodeLeft[k]--;
                d += this.episodeSlope[k];
            }
            this.drift[k] = d;
        }
        // One uniform decides whether (and where) an episode starts today.
        let u = rng.next();
        let k = 0;
        while (k < LAYERS && u >= L.episodeRate[k])
            u -= L.episodeRate[k++];
        if (k < LAYERS || u < L.sharedEpisodeRate) {
            if (this.episodeLeft[k] === 0) {
                this.episodeLeft[k] = 30 + rng.int(61);
                this.episodeSlope[k] = -(L.episodeSlope[0] + (L.episodeSlope[1] - L.episodeSlope[0]) * rng.next());
            }
        }
        this.usageNoise = 0.75 * this.usageNoise + L.usageNoiseSd * rng.normal();
        for (let k = 0; k < LAYERS; k++)
            this.shocks[k] = Math.max(L.shockFloor, this.shocks[k] * L.shockDecay);
        this.compose();
    }
    /** A sudden change of one layer's health (a champion leaving, an escalation), decaying over weeks. */
    shock(layer, amount) {
        this.shocks[layer] = Math.max(LATENT.shockFloor, this.shocks[layer] + amount);
    }
    compose() {
        const shared = LATENT.sharedWeight * this.drift[SHARED];
        for (let k = 0; k < LAYERS; k++) {
            let h = this.fit[k] + shared + this.drift[k] + this.shocks[k];
            if (k === H_USAGE)
                h += this.usageNoise;
            this.health[k] = h < -3 ? -3 : h > 3 ? 3 : h;
        }
    }
}
//# sourceMappingURL=latent.js.map